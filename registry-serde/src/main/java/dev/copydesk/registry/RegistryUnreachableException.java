package dev.copydesk.registry;

/** No Schema Registry URL answered, after every retry. Nothing was registered or looked up. */
public class RegistryUnreachableException extends RuntimeException {
    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether an unreachable registry is behind this failure. Such a record is not bad: it must wait for the
     * registry, not go to the dead-letter topic.
     */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnreachableException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
