// An independent MCP client (the TypeScript SDK, under Node) against the governed MCP server on stdio:
// tools/list must offer the five tools, and a tools/call of query must come back with the email masked.
// Usage: node check-stdio.mjs <java> <server-jar> <jdbc:governed:url> <config-file> <table>
// Prints one JSON line with what it saw; exits 0 when every check holds, 1 (with the reason on stderr) when not.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [java, jar, url, config, table] = process.argv.slice(2);
const fail = (why) => { console.error("check-stdio: " + why); process.exit(1); };
if (!table) fail("usage: node check-stdio.mjs <java> <jar> <url> <config> <table>");

const transport = new StdioClientTransport({ command: java, args: ["-jar", jar, "--url", url, "--config", config], stderr: "inherit" });
const client = new Client({ name: "node-sdk-check", version: "1.0.0" });
try {
  await client.connect(transport);
  const tools = (await client.listTools()).tools.map((t) => t.name).sort();
  const expected = ["approval_status", "check", "describe_table", "list_tables", "query"];
  if (JSON.stringify(tools) !== JSON.stringify(expected)) fail("tools/list gave " + JSON.stringify(tools));

  const result = await client.callTool({ name: "query", arguments: { sql: `SELECT id, email FROM ${table} ORDER BY id` } },
    undefined, { timeout: 180000 });
  if (result.isError) fail("query failed: " + result.content[0].text);
  const body = JSON.parse(result.content[0].text);
  const emailColumn = body.columns.find((c) => c.name.toLowerCase() === "email");
  if (!emailColumn || emailColumn.masked !== true) fail("email column not reported masked: " + JSON.stringify(body.columns));
  const emails = body.rows.map((r) => r[emailColumn.name]);
  if (emails.length === 0 || !emails.every((e) => typeof e === "string" && e.startsWith("<email:") && !e.includes("@")))
    fail("emails not masked: " + JSON.stringify(emails));

  const refused = await client.callTool({ name: "query", arguments: { sql: `DROP TABLE ${table}` } }, undefined, { timeout: 180000 });
  if (!refused.isError || JSON.parse(refused.content[0].text).sqlState !== "42501") fail("DROP not refused: " + JSON.stringify(refused));

  console.log(JSON.stringify({ tools, rows: body.rowCount, emails, refused: JSON.parse(refused.content[0].text).sqlState }));
  await client.close();
  process.exit(0);
} catch (e) {
  fail(String(e && e.stack || e));
}
