package org.mlopt.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The mlopt version the build recorded, reported to clients in the server info. */
final class Version {

    private Version() {}

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/mlopt/version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
