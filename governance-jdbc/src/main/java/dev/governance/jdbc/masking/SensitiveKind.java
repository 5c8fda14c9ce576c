package dev.governance.jdbc.masking;

/**
 * What a sensitive column or value is, with the strategy used when no column rule names one.
 * The defaults keep what an agent can still use (join on a hashed IP, see a card's last 4 digits)
 * and hide what it never needs (passwords, secrets, addresses).
 */
public enum SensitiveKind {
    /** E-mail addresses. */
    EMAIL(MaskingStrategy.EMAIL),
    /** Telephone, mobile and fax numbers. */
    PHONE(MaskingStrategy.PARTIAL),
    /** Government identifiers: US SSN, national insurance / tax ids, passport and driving licence numbers. */
    NATIONAL_ID(MaskingStrategy.PARTIAL),
    /** Passwords, their hashes, PINs and passphrases. */
    PASSWORD(MaskingStrategy.REDACT),
    /** Secrets, tokens, API keys, private keys, JWTs, cloud and VCS access keys, connection strings. */
    SECRET(MaskingStrategy.REDACT),
    /** Payment card numbers (PAN) and card security codes. */
    PAYMENT_CARD(MaskingStrategy.PARTIAL),
    /** IBANs and bank account numbers. */
    IBAN(MaskingStrategy.PARTIAL),
    /** Dates (or years) of birth; the type-preserving default keeps typed getters working. */
    DATE_OF_BIRTH(MaskingStrategy.DEFAULT),
    /** Postal addresses: street, address lines, house numbers, postcodes. */
    ADDRESS(MaskingStrategy.REDACT),
    /** A person's name, only when the column says whose (first_name, customer_name…), never a bare "name". */
    PERSON_NAME(MaskingStrategy.REDACT),
    /** IP addresses; hashed so that agents can still count distinct clients. Column names only. */
    IP_ADDRESS(MaskingStrategy.HASH);

    private final MaskingStrategy defaultStrategy;

    SensitiveKind(MaskingStrategy defaultStrategy) {
        this.defaultStrategy = defaultStrategy;
    }

    /** The strategy applied when a column rule doesn't name one. */
    public MaskingStrategy defaultStrategy() {
        return defaultStrategy;
    }
}
