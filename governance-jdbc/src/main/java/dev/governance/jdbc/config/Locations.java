package dev.governance.jdbc.config;

import dev.governance.jdbc.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files the configuration points at: a path, or {@code classpath:name}. */
public final class Locations {
    public static final String CLASSPATH = "classpath:";

    private Locations() {
    }

    public static boolean isClasspath(String location) {
        return location.startsWith(CLASSPATH);
    }

    /** The bytes at {@code location}; a failure names the key and the value (VG000). */
    public static byte[] read(String key, String location) throws ConfigurationException {
        try {
            if (isClasspath(location)) {
                String name = location.substring(CLASSPATH.length());
                while (name.startsWith("/")) {
                    name = name.substring(1);
                }
                try (InputStream in = classLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new ConfigurationException(key + "=" + location + ": no such classpath resource");
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ConfigurationException(key + "=" + location + ": can't be read (" + e + ")", e);
        }
    }

    /** The file behind a location, or null when it is a classpath resource (which can't change). */
    public static Path fileOf(String location) {
        return isClasspath(location) ? null : Path.of(location);
    }

    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Locations.class.getClassLoader();
    }
}
