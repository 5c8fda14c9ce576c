package dev.governance.jdbc.masking;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Messages as PostgreSQL, MariaDB and H2 write them: data values go, identifiers, hints and positions stay
 * (so an agent can still correct its SQL, and the audit trail holds no data).
 */
class ErrorValuesTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                // PostgreSQL
                pair("ERROR: column \"emial\" does not exist\n  Hint: Perhaps you meant to reference the column \"c.email\".\n  Position: 8"+ "|ERROR: column \"emial\" does not exist\n  Hint: Perhaps you meant to reference the column \"c.email\".\n  Position: 8"),
                pair("ERROR: relation \"orders_x\" does not exist\n  Position: 15|ERROR: relation \"orders_x\" does not exist\n  Position: 15"),
                pair("ERROR: invalid input syntax for type uuid: \"tkn_9f8e7d6c5b4a\"|ERROR: invalid input syntax for type uuid: \"?\""),
                pair("ERROR: invalid input syntax for type integer: \"O'Brien said \"hi\"\"\n  Where: SQL function \"f\" statement 1"+ "|ERROR: invalid input syntax for type integer: \"?\""),
                pair("ERROR: duplicate key value violates unique constraint \"c_email_key\"\n  Detail: Key (email)=(alice@example.com) already exists."+ "|ERROR: duplicate key value violates unique constraint \"c_email_key\"\n  Detail: Key (email)=(?) already exists."),
                pair("ERROR: new row for relation \"t\" violates check constraint \"t_ssn_check\"\n  Detail: Failing row contains (1, 078-05-1120)."+ "|ERROR: new row for relation \"t\" violates check constraint \"t_ssn_check\"\n  Detail: Failing row contains (?)."),
                pair("ERROR: syntax error at or near \"'s3cret'\"\n  Position: 30|ERROR: syntax error at or near \"'?'\"\n  Position: 30"),
                pair("ERROR: value too long for type character varying(5)|ERROR: value too long for type character varying(5)"),
                pair("ERROR: invalid input value for enum mood: \"furious\"|ERROR: invalid input value for enum mood: \"?\""),
                // MariaDB
                pair("(conn=12) Table 'test.nosuch' doesn't exist|(conn=12) Table 'test.nosuch' doesn't exist"),
                pair("(conn=12) Unknown column 'emial' in 'field list'|(conn=12) Unknown column 'emial' in 'field list'"),
                pair("(conn=12) Duplicate entry 'alice@example.com' for key 'email'|(conn=12) Duplicate entry '?' for key 'email'"),
                pair("(conn=3) Incorrect integer value: 'tkn-1' for column `test`.`t`.`n` at row 1"+ "|(conn=3) Incorrect integer value: '?' for column `test`.`t`.`n` at row 1"),
                pair("(conn=3) Truncated incorrect DOUBLE value: 'abc'|(conn=3) Truncated incorrect DOUBLE value: '?'"),
                pair("(conn=3) Data too long for column 'name' at row 1|(conn=3) Data too long for column 'name' at row 1"),
                // H2
                pair("Column \"EMIAL\" not found; SQL statement:\nSELECT emial FROM t [42122-224]|Column \"EMIAL\" not found"),
                pair("Syntax error in SQL statement \"SELECT id, [*]FROM t WHERE s = 'tkn-secret'\"; expected \"*, NOT, EXISTS\"; SQL statement:\n"
                        + "SELECT id, FROM t WHERE s = 'tkn-secret' [42001-232]"
                        + "|Syntax error in SQL statement \"SELECT id, [*]FROM t WHERE s = ?\"; expected \"*, NOT, EXISTS\""),
                pair("Function \"NOSUCH\" not found; SQL statement:\nSELECT [*]nosuch('tkn-secret', 42) FROM \"T\" [90022-232]"
                        + "|Function \"NOSUCH\" not found; SQL statement:\nSELECT [*]nosuch(?, ?) FROM \"T\""),
                pair("Data conversion error converting \"tkn-secret\"; SQL statement:\nSELECT CAST(x AS INT) FROM t [22018-224]"+ "|Data conversion error converting \"?\""),
                pair("Unique index or primary key violation: \"PUBLIC.U_EMAIL ON PUBLIC.T(EMAIL) VALUES ( /* 1 */ 'a@b.co' )\"; SQL statement:"+ "|Unique index or primary key violation: \"?\""),
                pair("Value too long for column \"NAME CHARACTER VARYING(5)\": \"'abcdefg' (7)\"|Value too long for column \"NAME CHARACTER VARYING(5)\": \"'?'\"")
        );
    }

    private static Arguments pair(String messageAndExpected) {
        int bar = messageAndExpected.lastIndexOf('|');
        return Arguments.of(messageAndExpected.substring(0, bar), messageAndExpected.substring(bar + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void valuesGoIdentifiersStay(String message, String expected) {
        assertEquals(expected, ErrorValues.scrub(message));
    }
}
