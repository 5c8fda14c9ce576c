package dev.governance.jdbc.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Locations;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a policy document (YAML or JSON). Every problem is a {@link ConfigurationException}
 * (VG000) whose message reads {@code <source> line <n>: <field path>: <problem>}, for example
 * {@code policy.yaml line 14: rules[2].when.statement: unknown statement type 'DROPP' (expected one of ...)}.
 * Field paths count list items from 0.
 */
public final class PolicyLoader {

    /** The built-in baseline policy (contract 4.5). */
    public static final String BASELINE_LOCATION = "classpath:dev/governance/jdbc/policy/baseline.yaml";

    /** Rule ids the engine uses for its own contributions; a policy can't define them. */
    public static final Set<String> RESERVED_RULE_IDS = Set.of("access", "unparseable", "multi-statement");

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private static final Set<String> TOP = keys("version", "identities", "access", "rules", "masking", "defaults");
    private static final Set<String> SELECTOR = keys("subject", "kind", "groups", "verified");
    private static final Set<String> ACCESS = keys("identity", "environments", "read", "write", "functions", "views");
    private static final Set<String> RULE = keys("id", "when", "unless", "action", "approvers", "auto-approve",
            "max-rows", "max-result-rows", "message");
    private static final Set<String> MATCH = keys("identity", "environment", "statement", "object", "tables",
            "tables-read", "tables-written", "columns", "where", "functions", "hazards", "primary-key", "unparseable",
            "multi-statement");
    private static final Set<String> APPROVERS = keys("groups");
    private static final Set<String> MASKING = keys("detect", "unmasked-for", "columns", "predicates");
    private static final Set<String> MASK_COLUMN = keys("match", "strategy");
    private static final Set<String> DEFAULTS = keys("unparseable", "unknown-lineage", "multi-statement", "mode");

    private static final Map<String, Action> ACTIONS = options("allow", Action.ALLOW, "approve", Action.APPROVE,
            "deny", Action.DENY);
    private static final Map<String, Action> MULTI = options("deny", Action.DENY, "allow", Action.ALLOW);
    private static final Map<String, Mode> MODES = options("enforce", Mode.ENFORCE, "dry-run", Mode.DRY_RUN);
    private static final Map<String, Defaults.UnknownLineage> LINEAGE = options("mask",
            Defaults.UnknownLineage.MASK, "deny", Defaults.UnknownLineage.DENY);
    private static final Map<String, MaskingPolicy.Detect> DETECT = options("auto", MaskingPolicy.Detect.AUTO,
            "names", MaskingPolicy.Detect.NAMES, "off", MaskingPolicy.Detect.OFF);
    private static final Map<String, MaskingPolicy.Predicates> PREDICATES = options("allow",
            MaskingPolicy.Predicates.ALLOW, "deny", MaskingPolicy.Predicates.DENY);
    private static final Map<String, MaskingPolicy.Strategy> STRATEGIES = enumOptions(MaskingPolicy.Strategy.class, true);
    private static final Map<String, IdentityKind> KINDS = enumOptions(IdentityKind.class, true);
    private static final Map<String, StatementType> STATEMENTS = enumOptions(StatementType.class, false);
    private static final Map<String, ObjectKind> OBJECTS = enumOptions(ObjectKind.class, false);
    private static final Map<String, Hazard> HAZARDS = enumOptions(Hazard.class, false);

    private static volatile Policy baseline;

    private PolicyLoader() {
    }

    /** Reads the policy at {@code location}: a file path or {@code classpath:name}. */
    public static Policy load(String location) throws ConfigurationException {
        return parse(location, read(location));
    }

    /** The built-in baseline policy, read once. */
    public static Policy baseline() {
        Policy b = baseline;
        if (b == null) {
            try {
                b = load(BASELINE_LOCATION);
            } catch (ConfigurationException e) {
                throw new IllegalStateException("the built-in baseline policy is invalid: " + e.getMessage(), e);
            }
            baseline = b;
        }
        return b;
    }

    public static Policy parse(String source, String document) throws ConfigurationException {
        return parse(source, document.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a document; {@code source} names it in messages and picks the format: {@code .json} is JSON,
     * {@code .yaml}/{@code .yml} YAML, otherwise a document starting with <code>{</code> is JSON.
     */
    public static Policy parse(String source, byte[] document) throws ConfigurationException {
        Node root = tree(source, document);
        return new Reader(source).policy(root, sha256(document));
    }

    static byte[] read(String location) throws ConfigurationException {
        try {
            if (Locations.isClasspath(location)) {
                String name = location.substring(Locations.CLASSPATH.length());
                while (name.startsWith("/")) {
                    name = name.substring(1);
                }
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = PolicyLoader.class.getClassLoader();
                }
                InputStream stream = loader.getResourceAsStream(name);
                if (stream == null && loader != PolicyLoader.class.getClassLoader()) {
                    stream = PolicyLoader.class.getClassLoader().getResourceAsStream(name);
                }
                if (stream == null) {
                    throw new ConfigurationException(location + ": no such classpath resource");
                }
                try (InputStream in = stream) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ConfigurationException(location + ": can't be read (" + e + ")", e);
        }
    }

    // ---------------------------------------------------------------- tree building

    private static Node tree(String source, byte[] document) throws ConfigurationException {
        boolean json = isJson(source, document);
        try (JsonParser p = json ? JSON.createParser(document) : YAML.createParser(document)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ConfigurationException(source + " line 1: the policy document is empty");
            }
            Node root = value(source, p, "");
            if (p.nextToken() != null) {
                throw new ConfigurationException(source + " line " + line(p)
                        + ": more than one document (a policy is one document)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage();
            int nl = problem == null ? -1 : problem.indexOf('\n');
            throw new ConfigurationException(source + " line " + (at == null ? 0 : at.getLineNr()) + ": not valid "
                    + (json ? "JSON" : "YAML") + ": " + (nl < 0 ? problem : problem.substring(0, nl)), e);
        } catch (IOException | RuntimeException e) {
            // snakeyaml reports some problems as unchecked exceptions.
            throw new ConfigurationException(source + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJson(String source, byte[] document) {
        String s = source.toLowerCase(Locale.ROOT);
        if (s.endsWith(".json")) {
            return true;
        }
        if (s.endsWith(".yaml") || s.endsWith(".yml")) {
            return false;
        }
        for (byte b : document) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static Node value(String source, JsonParser p, String path) throws IOException, ConfigurationException {
        int line = line(p);
        JsonToken t = p.currentToken();
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name, which would silently become a string value.
            throw new ConfigurationException(source + " line " + line + ": " + path
                    + ": YAML aliases (*name) are not supported; write the value out");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new ConfigurationException(source + " line " + keyLine + ": " + child
                                + ": duplicate key '" + key + "' (first at line " + keyLines.get(key) + ")");
                    }
                    p.nextToken();
                    entries.put(key, value(source, p, child));
                    keyLines.put(key, keyLine);
                }
                return new Node.MapNode(line, path, entries, keyLines);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(source, p, path + "[" + items.size() + "]"));
                }
                return new Node.ListNode(line, path, items);
            }
            case VALUE_STRING -> {
                return new Node.Scalar(line, path, Node.Scalar.Kind.STRING, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Node.Scalar(line, path, Node.Scalar.Kind.INTEGER, p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(line, path, Node.Scalar.Kind.NUMBER, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(line, path, t == JsonToken.VALUE_TRUE ? Node.Scalar.Kind.TRUE : Node.Scalar.Kind.FALSE,
                        p.getText());
            }
            case VALUE_NULL -> {
                return new Node.Scalar(line, path, Node.Scalar.Kind.NULL, null);
            }
            default -> throw new ConfigurationException(source + " line " + line + ": " + path
                    + ": unsupported value (" + t + ")");
        }
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 0 : at.getLineNr();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- validation

    /** Turns the tree into the model; one instance per document. */
    private static final class Reader {
        private final String source;
        private final Map<String, IdentitySelector> identities = new LinkedHashMap<>();

        Reader(String source) {
            this.source = source;
        }

        Policy policy(Node rootNode, String sha) throws ConfigurationException {
            Node.MapNode root = map(rootNode);
            checkKeys(root, TOP);
            Node version = required(root, "version");
            if (!(version instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.INTEGER || !"1".equals(s.text())) {
                throw error(version, "unsupported version " + describe(version) + " (expected 1)");
            }
            Node ids = root.entries().get("identities");
            if (ids != null) {
                Node.MapNode m = map(ids);
                for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                    String name = e.getKey();
                    if (!name.matches("[A-Za-z0-9_.-]+")) {
                        throw error(m.keyLines().get(name), e.getValue().path(), "identity name '" + name
                                + "' may hold only letters, digits, '_', '-' and '.'");
                    }
                    identities.put(name, selector(name, e.getValue()));
                }
            }
            List<AccessEntry> access = new ArrayList<>();
            Node accessNode = root.entries().get("access");
            if (accessNode != null) {
                for (Node item : list(accessNode)) {
                    access.add(accessEntry(item));
                }
            }
            List<Rule> rules = new ArrayList<>();
            Node rulesNode = root.entries().get("rules");
            if (rulesNode != null) {
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (Node item : list(rulesNode)) {
                    Rule rule = rule(item);
                    Integer first = seen.putIfAbsent(rule.id(), rule.line());
                    if (first != null) {
                        throw error(((Node.MapNode) item).entries().get("id"),
                                "duplicate rule id '" + rule.id() + "' (first at line " + first + ")");
                    }
                    rules.add(rule);
                }
            }
            Node maskingNode = root.entries().get("masking");
            MaskingPolicy masking = maskingNode == null ? MaskingPolicy.DEFAULT : masking(maskingNode);
            Node defaultsNode = root.entries().get("defaults");
            Defaults defaults = defaultsNode == null ? Defaults.DEFAULT : defaults(defaultsNode);
            return new Policy(1, identities, access, rules, masking, defaults, source, sha);
        }

        private IdentitySelector selector(String name, Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, SELECTOR);
            List<Glob> subjects = new ArrayList<>();
            Node subject = m.entries().get("subject");
            if (subject != null) {
                for (Node s : oneOrMore(subject)) {
                    subjects.add(Glob.exact(globText(s)));
                }
            }
            Set<IdentityKind> kinds = EnumSet.noneOf(IdentityKind.class);
            Node kind = m.entries().get("kind");
            if (kind != null) {
                for (Node k : oneOrMore(kind)) {
                    kinds.add(choice(k, "identity kind", KINDS));
                }
            }
            List<String> groups = new ArrayList<>();
            Node groupsNode = m.entries().get("groups");
            if (groupsNode != null) {
                for (Node g : oneOrMore(groupsNode)) {
                    groups.add(nonBlank(g));
                }
            }
            Node verifiedNode = m.entries().get("verified");
            Boolean verified = verifiedNode == null ? null : bool(verifiedNode);
            return new IdentitySelector(name, subjects, kinds, groups, verified);
        }

        /** A name under {@code identities}, an inline selector, or a list of either (any of). */
        private List<IdentitySelector> identityRef(Node node) throws ConfigurationException {
            List<IdentitySelector> out = new ArrayList<>();
            List<Node> items = node instanceof Node.ListNode ? oneOrMore(node) : List.of(node);
            for (Node item : items) {
                if (item instanceof Node.MapNode) {
                    out.add(selector(null, item));
                } else {
                    String name = string(item);
                    IdentitySelector s = identities.get(name);
                    if (s == null) {
                        throw error(item, "unknown identity '" + name + "' (defined under identities: "
                                + (identities.isEmpty() ? "none" : String.join(", ", identities.keySet()))
                                + "; or write an inline selector with subject, kind, groups, verified)");
                    }
                    out.add(s);
                }
            }
            return out;
        }

        private AccessEntry accessEntry(Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, ACCESS);
            List<IdentitySelector> who = identityRef(required(m, "identity"));
            List<Glob> envs = globs(m.entries().get("environments"));
            List<NameGlob> read = nameGlobs(m.entries().get("read"), 2);
            List<NameGlob> write = nameGlobs(m.entries().get("write"), 2);
            if (m.entries().get("read") == null && m.entries().get("write") == null) {
                throw error(m, "an access entry needs read or write (or both)");
            }
            return new AccessEntry(who, envs, read, write, globs(m.entries().get("functions")),
                    nameGlobs(m.entries().get("views"), 2));
        }

        private Rule rule(Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, RULE);
            Node idNode = required(m, "id");
            String id = string(idNode);
            if (!id.matches("[A-Za-z0-9_.:-]+")) {
                throw error(idNode, "rule id '" + id + "' may hold only letters, digits, '_', '-', '.' and ':'");
            }
            if (RESERVED_RULE_IDS.contains(id)) {
                throw error(idNode, "rule id '" + id + "' is reserved (" + String.join(", ", RESERVED_RULE_IDS) + ")");
            }
            Node whenNode = m.entries().get("when");
            Match when = whenNode == null ? Match.ANY : match(whenNode);
            Node unlessNode = m.entries().get("unless");
            Match unless = unlessNode == null ? null : match(unlessNode);
            Node actionNode = m.entries().get("action");
            Action action = actionNode == null ? null : choice(actionNode, "action", ACTIONS);
            Node maxRowsNode = m.entries().get("max-rows");
            long maxRows = maxRowsNode == null ? 0 : positive(maxRowsNode);
            Node maxResultRowsNode = m.entries().get("max-result-rows");
            long maxResultRows = maxResultRowsNode == null ? 0 : positive(maxResultRowsNode);
            if (action == null) {
                if (maxRows == 0 && maxResultRows == 0) {
                    throw error(m.line(), m.path() + ".action",
                            "required field missing (allow, approve or deny; or give max-rows or max-result-rows)");
                }
                action = Action.ALLOW;
            }
            if (action == Action.DENY && maxRowsNode != null) {
                throw error(maxRowsNode, "max-rows has no effect on a deny rule");
            }
            if (action == Action.DENY && maxResultRowsNode != null) {
                throw error(maxResultRowsNode, "max-result-rows has no effect on a deny rule");
            }
            Node approversNode = m.entries().get("approvers");
            Node autoNode = m.entries().get("auto-approve");
            List<String> approvers = new ArrayList<>();
            Match auto = null;
            if (action == Action.APPROVE) {
                Node.MapNode a = map(required(m, "approvers"));
                checkKeys(a, APPROVERS);
                for (Node g : oneOrMore(required(a, "groups"))) {
                    approvers.add(nonBlank(g));
                }
                auto = autoNode == null ? null : match(autoNode);
            } else {
                if (approversNode != null) {
                    throw error(approversNode, "approvers only apply to action approve");
                }
                if (autoNode != null) {
                    throw error(autoNode, "auto-approve only applies to action approve");
                }
            }
            Node messageNode = m.entries().get("message");
            String message = messageNode == null ? null : nonBlank(messageNode);
            return new Rule(id, when, unless, action, approvers, auto, maxRows, maxResultRows, message, m.line());
        }

        private Match match(Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, MATCH);
            Map<String, Node> e = m.entries();
            List<IdentitySelector> who = e.containsKey("identity") ? identityRef(e.get("identity")) : List.of();
            List<Glob> envs = globs(e.get("environment"));
            Set<StatementType> statements = EnumSet.noneOf(StatementType.class);
            if (e.containsKey("statement")) {
                for (Node s : oneOrMore(e.get("statement"))) {
                    statements.add(choice(s, "statement type", STATEMENTS));
                }
            }
            Set<ObjectKind> objects = EnumSet.noneOf(ObjectKind.class);
            if (e.containsKey("object")) {
                for (Node s : oneOrMore(e.get("object"))) {
                    objects.add(choice(s, "object kind", OBJECTS));
                }
            }
            boolean whereAbsent = false;
            if (e.containsKey("where")) {
                Node w = e.get("where");
                if (!"absent".equalsIgnoreCase(string(w))) {
                    throw error(w, "unknown where condition '" + string(w) + "' (expected absent)");
                }
                whereAbsent = true;
            }
            Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
            if (e.containsKey("hazards")) {
                Node h = e.get("hazards");
                if (h instanceof Node.Scalar && "any".equalsIgnoreCase(string(h))) {
                    hazards = EnumSet.allOf(Hazard.class);
                } else {
                    for (Node s : oneOrMore(h)) {
                        hazards.add(choice(s, "hazard", HAZARDS));
                    }
                }
            }
            return new Match(who, envs, statements, objects,
                    nameGlobs(e.get("tables"), 2), nameGlobs(e.get("tables-read"), 2),
                    nameGlobs(e.get("tables-written"), 2), nameGlobs(e.get("columns"), 3), whereAbsent,
                    globs(e.get("functions")), hazards,
                    e.containsKey("primary-key") ? bool(e.get("primary-key")) : null,
                    e.containsKey("unparseable") ? bool(e.get("unparseable")) : null,
                    e.containsKey("multi-statement") ? bool(e.get("multi-statement")) : null);
        }

        private MaskingPolicy masking(Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, MASKING);
            Map<String, Node> e = m.entries();
            MaskingPolicy.Detect detect = e.containsKey("detect") ? choice(e.get("detect"), "detect", DETECT)
                    : MaskingPolicy.DEFAULT.detect();
            List<IdentitySelector> unmasked = e.containsKey("unmasked-for") ? identityRef(e.get("unmasked-for"))
                    : List.of();
            List<MaskingPolicy.ColumnRule> columns = new ArrayList<>();
            if (e.containsKey("columns")) {
                for (Node item : list(e.get("columns"))) {
                    Node.MapNode c = map(item);
                    checkKeys(c, MASK_COLUMN);
                    List<NameGlob> match = nameGlobs(required(c, "match"), 3);
                    MaskingPolicy.Strategy strategy = c.entries().containsKey("strategy")
                            ? choice(c.entries().get("strategy"), "strategy", STRATEGIES)
                            : MaskingPolicy.Strategy.DEFAULT;
                    columns.add(new MaskingPolicy.ColumnRule(match, strategy));
                }
            }
            MaskingPolicy.Predicates predicates = e.containsKey("predicates")
                    ? choice(e.get("predicates"), "predicates", PREDICATES) : MaskingPolicy.Predicates.ALLOW;
            return new MaskingPolicy(detect, unmasked, columns, predicates);
        }

        private Defaults defaults(Node node) throws ConfigurationException {
            Node.MapNode m = map(node);
            checkKeys(m, DEFAULTS);
            Map<String, Node> e = m.entries();
            Defaults d = Defaults.DEFAULT;
            return new Defaults(
                    e.containsKey("unparseable") ? choice(e.get("unparseable"), "value", ACTIONS) : d.unparseable(),
                    e.containsKey("unknown-lineage") ? choice(e.get("unknown-lineage"), "value", LINEAGE)
                            : d.unknownLineage(),
                    e.containsKey("multi-statement") ? choice(e.get("multi-statement"), "value", MULTI)
                            : d.multiStatement(),
                    e.containsKey("mode") ? choice(e.get("mode"), "mode", MODES) : d.mode());
        }

        // ------------------------------------------------------------ value helpers

        private List<Glob> globs(Node node) throws ConfigurationException {
            if (node == null) {
                return List.of();
            }
            List<Glob> out = new ArrayList<>();
            for (Node n : oneOrMore(node)) {
                out.add(Glob.of(globText(n)));
            }
            return out;
        }

        private List<NameGlob> nameGlobs(Node node, int maxParts) throws ConfigurationException {
            if (node == null) {
                return List.of();
            }
            List<NameGlob> out = new ArrayList<>();
            for (Node n : oneOrMore(node)) {
                String text = globText(n);
                NameGlob g = NameGlob.parse(text, maxParts);
                if (g == null) {
                    throw error(n, "not a valid " + (maxParts == 2 ? "table" : "column") + " glob '" + text
                            + "' (expected " + (maxParts == 2 ? "'schema.table' or 'table'"
                            : "'column', 'table.column' or 'schema.table.column'")
                            + ", with '*' and '?' as wildcards)");
                }
                out.add(g);
            }
            return out;
        }

        /** A glob's text: not blank, no quotes (names are matched unquoted), no unsupported glob syntax. */
        private String globText(Node n) throws ConfigurationException {
            String text = nonBlank(n);
            if (!text.equals(text.strip())) {
                throw error(n, "glob '" + text + "' has leading or trailing spaces");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw error(n, "glob '" + text + "' holds a control character");
                }
                if (c == '"' || c == '`' || c == '\'') {
                    throw error(n, "glob '" + text + "' holds a quote: write names unquoted, they are compared"
                            + " case-insensitively as the database resolves them");
                }
                if (c == '[' || c == ']' || c == '{' || c == '}' || c == '\\') {
                    throw error(n, "glob '" + text + "' uses '" + c + "': only '*' and '?' are wildcards"
                            + " (list several globs instead)");
                }
            }
            return text;
        }

        private Node.MapNode map(Node n) throws ConfigurationException {
            if (n instanceof Node.MapNode m) {
                return m;
            }
            throw error(n, "expected a mapping, got " + describe(n));
        }

        private List<Node> list(Node n) throws ConfigurationException {
            if (n instanceof Node.ListNode l) {
                return l.items();
            }
            throw error(n, "expected a list, got " + describe(n));
        }

        /** A list (not empty) or a single scalar standing for a list of one. */
        private List<Node> oneOrMore(Node n) throws ConfigurationException {
            if (n instanceof Node.ListNode l) {
                if (l.items().isEmpty()) {
                    throw error(n, "empty list (leave the field out to not check it)");
                }
                return l.items();
            }
            if (n instanceof Node.Scalar) {
                return List.of(n);
            }
            throw error(n, "expected a value or a list, got " + describe(n));
        }

        private String string(Node n) throws ConfigurationException {
            if (n instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
                return s.text();
            }
            throw error(n, "expected a text value, got " + describe(n));
        }

        private String nonBlank(Node n) throws ConfigurationException {
            String s = string(n);
            if (s.isBlank()) {
                throw error(n, "empty value");
            }
            return s;
        }

        private boolean bool(Node n) throws ConfigurationException {
            if (n instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.TRUE || s.kind() == Node.Scalar.Kind.FALSE)) {
                return s.kind() == Node.Scalar.Kind.TRUE;
            }
            throw error(n, "expected true or false, got " + describe(n));
        }

        private long positive(Node n) throws ConfigurationException {
            if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.INTEGER) {
                try {
                    long v = Long.parseLong(s.text());
                    if (v > 0) {
                        return v;
                    }
                } catch (NumberFormatException ignored) {
                    // falls through to the error below
                }
            }
            throw error(n, "expected a positive whole number, got " + describe(n));
        }

        private <T> T choice(Node n, String what, Map<String, T> options) throws ConfigurationException {
            String text = string(n);
            T value = options.get(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (value == null) {
                throw error(n, "unknown " + what + " '" + text + "' (expected one of "
                        + String.join(", ", displayed(options)) + ")");
            }
            return value;
        }

        private Node required(Node.MapNode m, String key) throws ConfigurationException {
            Node n = m.entries().get(key);
            if (n == null) {
                throw error(m.line(), m.path().isEmpty() ? key : m.path() + "." + key, "required field missing");
            }
            return n;
        }

        private void checkKeys(Node.MapNode m, Set<String> allowed) throws ConfigurationException {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(m.keyLines().get(e.getKey()), e.getValue().path(), "unknown field '" + e.getKey()
                            + "' (expected one of " + String.join(", ", allowed) + ")");
                }
                if (e.getValue() instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL) {
                    throw error(e.getValue(), "no value given (leave the field out instead)");
                }
            }
        }

        private ConfigurationException error(Node n, String problem) {
            return error(n.line(), n.path(), problem);
        }

        private ConfigurationException error(int line, String path, String problem) {
            return new ConfigurationException(source + " line " + line + ": " + (path.isEmpty() ? "" : path + ": ")
                    + problem);
        }
    }

    private static String describe(Node n) {
        if (n instanceof Node.MapNode) {
            return "a mapping";
        }
        if (n instanceof Node.ListNode) {
            return "a list";
        }
        Node.Scalar s = (Node.Scalar) n;
        return switch (s.kind()) {
            case NULL -> "nothing";
            case STRING -> "'" + s.text() + "'";
            default -> s.text();
        };
    }

    // ---------------------------------------------------------------- option tables

    private static Set<String> keys(String... keys) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    /** Spelling (lower case, '-' for '_') to value; insertion order is the order shown in messages. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> options(Object... pairs) {
        Map<String, T> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (T) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static <E extends Enum<E>> Map<String, E> enumOptions(Class<E> type, boolean lowerCaseDisplay) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            m.put(e.name().toLowerCase(Locale.ROOT).replace('_', '-'), e);
        }
        return lowerCaseDisplay ? java.util.Collections.unmodifiableMap(m) : new UpperCaseDisplay<>(m);
    }

    private static List<String> displayed(Map<String, ?> options) {
        List<String> out = new ArrayList<>();
        for (String key : options.keySet()) {
            out.add(options instanceof UpperCaseDisplay ? key.toUpperCase(Locale.ROOT).replace('-', '_') : key);
        }
        return out;
    }

    /** Marks option tables whose values are shown as SQL-ish upper-case names (statement types, object kinds). */
    private static final class UpperCaseDisplay<T> extends java.util.AbstractMap<String, T> {
        private final Map<String, T> inner;

        UpperCaseDisplay(Map<String, T> inner) {
            this.inner = java.util.Collections.unmodifiableMap(inner);
        }

        @Override
        public Set<Entry<String, T>> entrySet() {
            return inner.entrySet();
        }

        @Override
        public T get(Object key) {
            return inner.get(key);
        }
    }
}
