package dev.governance.jdbc.examples.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat model without a network or weights: it asks for the SQL tool with each statement of its script, one
 * per turn, then answers from the tool results it was given — acting on them as a model would: it reports the
 * rows, does not retry a refusal, and passes an approval request's id on to the user.
 */
public final class ScriptedChatModel implements ChatModel {
    private static final Pattern REQUEST = Pattern.compile("APPROVAL REQUIRED \\[VG001] request ([0-9a-f-]{36})");
    private final List<String> script;
    private final List<String> toolResults = new CopyOnWriteArrayList<>();

    public ScriptedChatModel(List<String> script) {
        this.script = List.copyOf(script);
    }

    /** The tool results the model received, in order. */
    public List<String> toolResults() {
        return List.copyOf(toolResults);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<String> results = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof ToolExecutionResultMessage r) {
                results.add(r.text());
            }
        }
        if (results.size() > toolResults.size()) {
            toolResults.addAll(results.subList(toolResults.size(), results.size()));
        }
        if (results.size() < script.size()) {
            int step = results.size();
            ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-" + step).name("sql")
                    .arguments("{" + json(argumentName(request)) + ": " + json(script.get(step)) + "}").build();
            return ChatResponse.builder().aiMessage(AiMessage.from(call)).finishReason(FinishReason.TOOL_EXECUTION)
                    .build();
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(answer(results))).finishReason(FinishReason.STOP)
                .build();
    }

    /** The SQL tool's parameter, as the tool's JSON schema in the request names it (as a real model reads it). */
    private static String argumentName(ChatRequest request) {
        for (var tool : request.toolSpecifications()) {
            if (tool.name().equals("sql") && tool.parameters() != null) {
                return tool.parameters().properties().keySet().iterator().next();
            }
        }
        throw new IllegalStateException("the request offers no sql tool");
    }

    private static String answer(List<String> results) {
        StringBuilder b = new StringBuilder();
        for (String r : results) {
            Matcher m = REQUEST.matcher(r);
            if (m.find()) {
                b.append("I asked for approval of the schema change: request ").append(m.group(1)).append(". ");
            } else if (r.startsWith("REFUSED")) {
                b.append("I was not allowed to do that, and won't retry: ").append(r, 0, Math.min(r.length(), 60))
                        .append("… ");
            } else {
                b.append("Result: ").append(r.replace('\n', ';')).append(". ");
            }
        }
        return b.toString().trim();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
