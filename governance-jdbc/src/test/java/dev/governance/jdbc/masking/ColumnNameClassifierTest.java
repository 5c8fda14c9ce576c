package dev.governance.jdbc.masking;

import static dev.governance.jdbc.masking.SensitiveKind.ADDRESS;
import static dev.governance.jdbc.masking.SensitiveKind.DATE_OF_BIRTH;
import static dev.governance.jdbc.masking.SensitiveKind.EMAIL;
import static dev.governance.jdbc.masking.SensitiveKind.IBAN;
import static dev.governance.jdbc.masking.SensitiveKind.IP_ADDRESS;
import static dev.governance.jdbc.masking.SensitiveKind.NATIONAL_ID;
import static dev.governance.jdbc.masking.SensitiveKind.PASSWORD;
import static dev.governance.jdbc.masking.SensitiveKind.PAYMENT_CARD;
import static dev.governance.jdbc.masking.SensitiveKind.PERSON_NAME;
import static dev.governance.jdbc.masking.SensitiveKind.PHONE;
import static dev.governance.jdbc.masking.SensitiveKind.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColumnNameClassifierTest {

    static Stream<Arguments> sensitive() {
        return Stream.of(
                // e-mail, in every naming style
                Arguments.of("email", EMAIL), Arguments.of("EMAIL", EMAIL), Arguments.of("emailAddress", EMAIL),
                Arguments.of("EmailAddress", EMAIL), Arguments.of("EMAIL_ADDR", EMAIL), Arguments.of("e_mail", EMAIL),
                Arguments.of("e-mail", EMAIL), Arguments.of("E-Mail", EMAIL), Arguments.of("emailaddress", EMAIL),
                Arguments.of("customer_email", EMAIL), Arguments.of("userEmail", EMAIL), Arguments.of("useremail", EMAIL),
                Arguments.of("\"Email Address\"", EMAIL), Arguments.of("mail", EMAIL), Arguments.of("emails", EMAIL),
                Arguments.of("billing_email_primary", EMAIL), Arguments.of("crm.contacts.email", EMAIL),
                // phone
                Arguments.of("phone", PHONE), Arguments.of("phone_number", PHONE), Arguments.of("phoneNumber", PHONE),
                Arguments.of("PHONE_NO", PHONE), Arguments.of("mobile", PHONE), Arguments.of("mobile_number", PHONE),
                Arguments.of("msisdn", PHONE), Arguments.of("tel", PHONE), Arguments.of("telephone", PHONE),
                Arguments.of("cellphone", PHONE), Arguments.of("home_phone", PHONE), Arguments.of("fax_number", PHONE),
                // national ids
                Arguments.of("ssn", NATIONAL_ID), Arguments.of("SSN", NATIONAL_ID),
                Arguments.of("social_security_number", NATIONAL_ID), Arguments.of("socialSecurityNumber", NATIONAL_ID),
                Arguments.of("national_id", NATIONAL_ID), Arguments.of("tax_id", NATIONAL_ID),
                Arguments.of("taxId", NATIONAL_ID), Arguments.of("passport", NATIONAL_ID),
                Arguments.of("passport_number", NATIONAL_ID), Arguments.of("drivers_license", NATIONAL_ID),
                Arguments.of("ssn_last4", NATIONAL_ID), Arguments.of("SSNNumber", NATIONAL_ID),
                // passwords
                Arguments.of("password", PASSWORD), Arguments.of("passwd", PASSWORD), Arguments.of("pwd", PASSWORD),
                Arguments.of("password_hash", PASSWORD), Arguments.of("passwordHash", PASSWORD),
                Arguments.of("hashed_password", PASSWORD), Arguments.of("db_password", PASSWORD),
                Arguments.of("dbpassword", PASSWORD), Arguments.of("pin", PASSWORD),
                // secrets
                Arguments.of("secret", SECRET), Arguments.of("client_secret", SECRET), Arguments.of("clientSecret", SECRET),
                Arguments.of("api_key", SECRET), Arguments.of("apikey", SECRET), Arguments.of("apiKey", SECRET),
                Arguments.of("API_KEY", SECRET), Arguments.of("access_token", SECRET), Arguments.of("refresh_token", SECRET),
                Arguments.of("auth_token", SECRET), Arguments.of("private_key", SECRET), Arguments.of("privateKey", SECRET),
                Arguments.of("token", SECRET), Arguments.of("password_reset_token", SECRET),
                Arguments.of("aws_secret_access_key", SECRET), Arguments.of("access_token_encrypted", SECRET),
                Arguments.of("credentials", SECRET), Arguments.of("connection_string", SECRET),
                Arguments.of("webhook_secret", SECRET), Arguments.of("otp", SECRET), Arguments.of("otp_hash", SECRET),
                Arguments.of("verification_code", SECRET), Arguments.of("ssh_private_key", SECRET),
                Arguments.of("jwtSecret", SECRET), Arguments.of("security_answer", SECRET),
                Arguments.of("user_pass", PASSWORD), Arguments.of("pin_hash", PASSWORD), Arguments.of("passcode", PASSWORD),
                Arguments.of("mothers_maiden_name", PERSON_NAME), Arguments.of("e_mail_address", EMAIL),
                Arguments.of("email2", EMAIL), Arguments.of("addr2", ADDRESS), Arguments.of("phone_numbers", PHONE),
                Arguments.of("CUSTOMER_EMAIL", EMAIL),
                // cards
                Arguments.of("cc_num", PAYMENT_CARD), Arguments.of("card_number", PAYMENT_CARD),
                Arguments.of("ccnumber", PAYMENT_CARD), Arguments.of("cardNumber", PAYMENT_CARD),
                Arguments.of("pan", PAYMENT_CARD), Arguments.of("credit_card", PAYMENT_CARD),
                Arguments.of("creditCardNumber", PAYMENT_CARD), Arguments.of("cvv", PAYMENT_CARD),
                Arguments.of("card_cvv2", PAYMENT_CARD),
                // bank
                Arguments.of("iban", IBAN), Arguments.of("IBAN", IBAN), Arguments.of("bank_account_number", IBAN),
                // birth
                Arguments.of("dob", DATE_OF_BIRTH), Arguments.of("DOB", DATE_OF_BIRTH),
                Arguments.of("date_of_birth", DATE_OF_BIRTH), Arguments.of("dateOfBirth", DATE_OF_BIRTH),
                Arguments.of("birthdate", DATE_OF_BIRTH), Arguments.of("birth_date", DATE_OF_BIRTH),
                Arguments.of("BirthDate", DATE_OF_BIRTH), Arguments.of("birthday", DATE_OF_BIRTH),
                // address
                Arguments.of("street", ADDRESS), Arguments.of("address", ADDRESS), Arguments.of("address_line1", ADDRESS),
                Arguments.of("addressLine2", ADDRESS), Arguments.of("addr", ADDRESS), Arguments.of("postcode", ADDRESS),
                Arguments.of("postal_code", ADDRESS), Arguments.of("zip_code", ADDRESS), Arguments.of("zip", ADDRESS),
                Arguments.of("billing_address", ADDRESS), Arguments.of("shipping_address_line_1", ADDRESS),
                Arguments.of("street_address", ADDRESS),
                // names of people
                Arguments.of("first_name", PERSON_NAME), Arguments.of("firstName", PERSON_NAME),
                Arguments.of("last_name", PERSON_NAME), Arguments.of("surname", PERSON_NAME),
                Arguments.of("full_name", PERSON_NAME), Arguments.of("customer_name", PERSON_NAME),
                Arguments.of("cardholder_name", PERSON_NAME),
                // IP addresses
                Arguments.of("ip_address", IP_ADDRESS), Arguments.of("ipAddress", IP_ADDRESS),
                Arguments.of("client_ip", IP_ADDRESS), Arguments.of("remote_addr", IP_ADDRESS),
                Arguments.of("ip", IP_ADDRESS), Arguments.of("ipv4", IP_ADDRESS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sensitive")
    void sensitiveNames(String column, SensitiveKind expected) {
        assertEquals(expected, ColumnNameClassifier.classify(column), column);
    }

    @ParameterizedTest(name = "{0} is not sensitive")
    @ValueSource(strings = {
        // describe a sensitive thing without holding it
        "token_count", "input_token_count", "prompt_tokens", "total_tokens", "tokens", "token_type",
        "token_expires_at", "email_verified", "emailVerified", "email_verified_at", "is_email_verified",
        "has_password", "password_changed_at", "password_updated_at", "password_policy", "address_id",
        "addressId", "address_type", "billing_address_id", "email_count", "num_emails", "phone_verified",
        "api_key_id", "secret_name", "mobile_os", "mobile_app_version", "token_symbol", "mail_server",
        "zip_file", "ip_country", "card_id", "email_template", "email_opt_in", "address_country",
        "mac_address", "public_key", "primary_key", "pass_fail", "email_domain", "email_sent_count",
        "password_expires_at", "token_id", "secret_question", "secret_santa_id", "otp_sent_at", "session_id",
        // ordinary columns
        "id", "name", "product_name", "company_name", "file_name", "table_name", "username", "user_name",
        "updated_at", "created_at", "status", "amount", "price", "quantity", "city", "country", "state",
        "description", "title", "sku", "order_id", "customer_id", "is_active", "version", "hostname",
        "url", "notes", "category", "headphone_model", "microphone", "passenger_count", "pinned",
        "compass", "keyword", "monkey", "key", "tokenizer", "telemetry", "hotel", "spanish", "panel", "company",
        ""})
    void nonSensitiveNames(String column) {
        assertNull(ColumnNameClassifier.classify(column), column);
    }

    @Test
    void nullNameIsNotSensitive() {
        assertNull(ColumnNameClassifier.classify(null));
    }

    @Test
    void typeRefinesTheName() {
        // a flag or a count named after a sensitive thing
        assertNull(ColumnNameClassifier.classify("email", Types.BOOLEAN));
        assertNull(ColumnNameClassifier.classify("email_opt", Types.BIT));
        assertNull(ColumnNameClassifier.classify("email", Types.INTEGER));
        assertNull(ColumnNameClassifier.classify("api_key", Types.BIGINT));
        assertNull(ColumnNameClassifier.classify("address", Types.TIMESTAMP));
        // kinds that are often stored as numbers or dates stay sensitive
        assertEquals(PHONE, ColumnNameClassifier.classify("phone", Types.BIGINT));
        assertEquals(PAYMENT_CARD, ColumnNameClassifier.classify("card_number", Types.DECIMAL));
        assertEquals(NATIONAL_ID, ColumnNameClassifier.classify("ssn", Types.INTEGER));
        assertEquals(DATE_OF_BIRTH, ColumnNameClassifier.classify("dob", Types.DATE));
        assertEquals(DATE_OF_BIRTH, ColumnNameClassifier.classify("birth_year", Types.SMALLINT));
        assertEquals(EMAIL, ColumnNameClassifier.classify("email", Types.VARCHAR));
        assertEquals(SECRET, ColumnNameClassifier.classify("private_key", Types.BLOB));
    }

    @Test
    void splitsEveryNamingStyle() {
        assertEquals(List.of("email", "address"), ColumnNameClassifier.words("emailAddress"));
        assertEquals(List.of("email", "addr"), ColumnNameClassifier.words("EMAIL_ADDR"));
        assertEquals(List.of("ssn", "number"), ColumnNameClassifier.words("SSNNumber"));
        assertEquals(List.of("address", "line", "1"), ColumnNameClassifier.words("address_line1"));
        assertEquals(List.of("e", "mail"), ColumnNameClassifier.words("e-mail"));
        assertEquals(List.of("card", "number"), ColumnNameClassifier.words(" Card  Number "));
        assertEquals(List.of("api", "key"), ColumnNameClassifier.words("APIKey"));
    }

    @Test
    void everyKindHasADefaultStrategy() {
        assertEquals(MaskingStrategy.EMAIL, EMAIL.defaultStrategy());
        assertEquals(MaskingStrategy.PARTIAL, PAYMENT_CARD.defaultStrategy());
        assertEquals(MaskingStrategy.PARTIAL, NATIONAL_ID.defaultStrategy());
        assertEquals(MaskingStrategy.PARTIAL, PHONE.defaultStrategy());
        assertEquals(MaskingStrategy.PARTIAL, IBAN.defaultStrategy());
        assertEquals(MaskingStrategy.REDACT, PASSWORD.defaultStrategy());
        assertEquals(MaskingStrategy.REDACT, SECRET.defaultStrategy());
        assertEquals(MaskingStrategy.REDACT, ADDRESS.defaultStrategy());
        assertEquals(MaskingStrategy.DEFAULT, DATE_OF_BIRTH.defaultStrategy());
        assertEquals(MaskingStrategy.HASH, IP_ADDRESS.defaultStrategy());
    }
}
