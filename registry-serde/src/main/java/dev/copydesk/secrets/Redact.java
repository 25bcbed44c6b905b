package dev.copydesk.secrets;

import java.util.regex.Pattern;

/**
 * Secrets out of anything copydesk prints or logs: the password of a JDBC URL ({@code password=...}), the user
 * information of an HTTP URL ({@code http://user:secret@host}), and JAAS passwords ({@code password="..."}).
 */
public final class Redact {

    private static final Pattern QUERY_PASSWORD =
            Pattern.compile("(?i)((?:^|[?&;])(?:password|pwd|sslpassword|sslkey-password)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)\"[^\"]*\"");

    private Redact() {}

    public static String secrets(String text) {
        if (text == null) {
            return null;
        }
        String out = QUERY_PASSWORD.matcher(text).replaceAll("$1****");
        out = USER_INFO.matcher(out).replaceAll("$1****@");
        return JAAS_PASSWORD.matcher(out).replaceAll("$1\"****\"");
    }
}
