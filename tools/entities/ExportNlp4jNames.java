import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.ObjectInputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tukaani.xz.XZInputStream;

/**
 * Writes NLP4J's English named-entity gazetteer (en-named-entity-gazetteers-simplified.xz, a serialised prefix tree of
 * words) as "name TAB [types]" lines on standard output, for NameModelTrainer. Run by train-name-model.sh with
 * nlp4j-api and xz on the class path; never part of the build.
 */
public class ExportNlp4jNames {
    public static void main(String[] args) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(
                new BufferedInputStream(new XZInputStream(new FileInputStream(args[0]))))) {
            Object tree = in.readObject();
            PrintWriter out = new PrintWriter(
                    new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
            visit(field(tree, "n_root"), new ArrayList<>(), out);
            out.flush();
        }
    }

    /** A node is a map from the next word to a child node, with the types of the name ending here as its value. */
    private static void visit(Object node, List<String> words, PrintWriter out) throws Exception {
        Object types = field(node, "value");
        if (types != null && !words.isEmpty()) {
            out.println(String.join(" ", words) + "\t" + types);
        }
        for (Map.Entry<?, ?> child : ((Map<?, ?>) node).entrySet()) {
            words.add(String.valueOf(child.getKey()));
            visit(child.getValue(), words, out);
            words.remove(words.size() - 1);
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
