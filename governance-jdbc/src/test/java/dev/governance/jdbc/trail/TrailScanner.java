package dev.governance.jdbc.trail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads every JSONL audit file under some directories (live files and closed segments, compressed or not) and
 * reports each fixture secret found in them. A secret made only of digits (a card or account number) counts where
 * it stands on its own, not inside a longer run of letters and digits (a hash, a placeholder's token).
 */
final class TrailScanner {

    /** One secret in one trail file. */
    record Finding(Path file, int line, String secret) {
        @Override
        public String toString() {
            return file + ":" + line + " holds " + secret;
        }
    }

    /** What a scan saw. */
    record Scan(List<Path> files, long lines, List<Finding> findings) {
    }

    private TrailScanner() {
    }

    static Scan scan(Collection<Path> roots, Collection<String> secrets) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(TrailScanner::isTrail).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long lines = 0;
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String[] text = read(file).split("\n", -1);
            for (int i = 0; i < text.length; i++) {
                if (text[i].isEmpty()) {
                    continue;
                }
                lines++;
                for (String secret : secrets) {
                    if (holds(text[i], secret)) {
                        findings.add(new Finding(file, i + 1, secret));
                    }
                }
            }
        }
        return new Scan(List.copyOf(files), lines, List.copyOf(findings));
    }

    static boolean isTrail(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    static boolean holds(String line, String secret) {
        boolean digitsOnly = secret.chars().allMatch(Character::isDigit);
        int from = 0;
        while (true) {
            int at = line.indexOf(secret, from);
            if (at < 0) {
                return false;
            }
            if (!digitsOnly) {
                return true;
            }
            int end = at + secret.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)))
                    && (end == line.length() || !Character.isLetterOrDigit(line.charAt(end)));
            if (alone) {
                return true;
            }
            from = at + 1;
        }
    }

    private static String read(Path file) {
        try (InputStream in = file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a file another test left half-written (a crash test's torn segment) is still read as far as it goes
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }
}
