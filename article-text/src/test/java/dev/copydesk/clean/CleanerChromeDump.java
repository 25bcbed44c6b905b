package dev.copydesk.clean;

import dev.copydesk.clean.eval.CleaningCorpus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Development aid: prints kept paragraphs whose words mostly are not in the ground truth (what cleaning let through). */
public final class CleanerChromeDump {
    public static void main(String[] args) {
        CleaningCorpus corpus = new CleaningCorpus(Path.of(args[0]));
        boolean html = args[1].equals("html");
        int shown = 0;
        for (String id : corpus.ids()) {
            String truth = corpus.truth(id).orElse(null);
            if (truth == null) continue;
            Set<String> truthWords =
                    new HashSet<>(List.of(truth.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")));
            CleanedText c = html
                    ? Cleaning.fromHtml(corpus.html(id).orElse(""))
                    : Cleaning.fromText(corpus.text(id).orElse(""));
            for (String p : c.paragraphs()) {
                String[] words = p.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
                int in = 0;
                for (String w : words) if (truthWords.contains(w)) in++;
                if (words.length > 0 && in < words.length * 0.5 && !truth.contains(p.strip())) {
                    System.out.println(id + " | " + (p.length() > 160 ? p.substring(0, 160) : p));
                    shown++;
                }
            }
        }
        System.out.println(shown + " lines");
    }
}
