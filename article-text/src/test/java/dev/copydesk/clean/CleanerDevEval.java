package dev.copydesk.clean;

import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.clean.eval.ExtractionScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development loop: scores the cleaners on a WCXB folder and lists the worst pages. Not a test. */
public final class CleanerDevEval {
    public static void main(String[] args) {
        CleaningCorpus corpus = new CleaningCorpus(Path.of(args[0]));
        if (args.length > 2 && args[1].equals("show")) {
            String id = args[2];
            CleanedText c = args.length > 3
                    ? Cleaning.fromText(corpus.text(id).orElseThrow())
                    : Cleaning.fromHtml(corpus.html(id).orElseThrow());
            System.out.println("TITLE: " + c.title());
            c.paragraphs().forEach(p -> System.out.println("| " + p));
            System.out.println("==== truth\n" + corpus.truth(id).orElse(""));
            return;
        }
        ExtractionScore html = new ExtractionScore();
        ExtractionScore text = new ExtractionScore();
        ExtractionScore whole = new ExtractionScore();
        List<String> worst = new ArrayList<>();
        for (String id : corpus.ids()) {
            String truth = corpus.truth(id).orElse(null);
            if (truth == null) continue;
            corpus.html(id).ifPresent(h -> {
                var p = html.add(Cleaning.fromHtml(h).body(), truth);
                worst.add(String.format("%.3f %.3f html %s", p.shinglePrecision(), p.shingleRecall(), id));
            });
            corpus.text(id).ifPresent(t -> {
                var p = text.add(Cleaning.fromText(t).body(), truth);
                whole.add(t, truth);
                worst.add(String.format("%.3f %.3f text %s", p.shinglePrecision(), p.shingleRecall(), id));
            });
        }
        System.out.println("html  " + html);
        System.out.println("text  " + text);
        System.out.println("whole " + whole);
        if (args.length > 1) {
            worst.stream()
                    .filter(s -> s.contains(args[1]))
                    .sorted((a, b) -> Double.compare(
                            Math.min(Double.parseDouble(a.substring(0, 5)), Double.parseDouble(a.substring(6, 11))),
                            Math.min(Double.parseDouble(b.substring(0, 5)), Double.parseDouble(b.substring(6, 11)))))
                    .limit(Integer.getInteger("limit", 25))
                    .forEach(System.out::println);
        }
    }
}
