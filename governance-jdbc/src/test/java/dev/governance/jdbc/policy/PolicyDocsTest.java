package dev.governance.jdbc.policy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every complete example of docs/policy.md (a yaml block starting with {@code version: 1}) loads. */
class PolicyDocsTest {

    @Test
    void completeExamplesInTheDocsAreValid() throws Exception {
        Path docs = Path.of("..", "docs", "policy.md");
        Assumptions.assumeTrue(Files.exists(docs), "docs/policy.md is not next to the module");
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(docs)) {
            if (current == null && line.equals("```yaml")) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        int checked = 0;
        for (String block : blocks) {
            if (block.startsWith("version: 1")) {
                PolicyLoader.parse("docs/policy.md example " + (checked + 1) + ".yaml", block);
                checked++;
            }
        }
        assertTrue(checked >= 3, "expected at least 3 complete examples, found " + checked);
    }
}
