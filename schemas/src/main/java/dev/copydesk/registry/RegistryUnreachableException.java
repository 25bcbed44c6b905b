package dev.copydesk.registry;

/** No Schema Registry URL answered, after every retry. Nothing was registered or looked up. */
public class RegistryUnreachableException extends RuntimeException {
    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
