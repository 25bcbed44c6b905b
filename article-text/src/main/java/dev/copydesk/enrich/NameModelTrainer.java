package dev.copydesk.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.enrich.EntityRecognizer.Entity;
import dev.copydesk.enrich.EntityRecognizer.Token;
import dev.copydesk.enrich.NameModel.Label;
import dev.copydesk.enrich.NameModel.Run;
import dev.copydesk.learn.SoftmaxRegression;
import dev.copydesk.learn.SoftmaxRegression.Example;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Trains {@link NameModel} (run by {@code tools/entities/train-name-model.sh}, never at build or run time).
 *
 * <p>The examples are of two kinds. Names from a typed list (NLP4J's English gazetteers, drawn from Wikipedia:
 * people, organisations, places, and titles of works, products and events as "no name"), with no text around them,
 * teach what names look like. Capitalised runs of real pages (WCXB's article text, and the pages as copied off the
 * sites, menus and all) teach the words around names: a run is labelled by the list when the list gives it one
 * type; else, in article text only, as a person when the rule-based recogniser found it as one (cues and given names
 * as seeds; its organisations by head noun were tried and taught "Cleaning Services" in menus to be companies);
 * else as no name when all its words are everyday words and none an organisation's head noun; the rest is left
 * out. Pages from the hosts of the evaluation set are never read.
 *
 * <p>Usage: {@code NameModelTrainer NAMES.tsv GROUND_TRUTH_DIR EVAL.jsonl OUT.tsv.gz}, where NAMES.tsv holds
 * {@code name<TAB>[types]} as {@code tools/entities/ExportNlp4jNames.java} writes it and GROUND_TRUTH_DIR is WCXB's
 * {@code ground-truth} folder (its sibling {@code text} is read too).
 */
public final class NameModelTrainer {

    private static final int EPOCHS = 6;
    private static final double RATE = 0.1;
    private static final int PER_LABEL_FROM_LIST = 60_000;
    private static final int MIN_COUNT = 2;

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: NameModelTrainer NAMES.tsv PAGES_DIR EVAL.jsonl OUT.tsv.gz");
            System.exit(2);
        }
        Map<String, Label> listed = readList(Path.of(args[0]));
        Set<String> heldOutHosts = evaluationHosts(Path.of(args[2]));
        Random random = new Random(20261206);
        List<Example> examples = new ArrayList<>(fromList(listed, random));
        int listExamples = examples.size();
        List<Example> fromPages = fromPages(Path.of(args[1]), heldOutHosts, byNormalisedName(listed));
        examples.addAll(fromPages);
        System.err.printf(
                "%d examples from the list, %d from pages (%s)%n", listExamples, fromPages.size(), counts(fromPages));
        Map<String, float[]> weights =
                new SoftmaxRegression(NameModel.LABELS, EPOCHS, RATE, MIN_COUNT).train(examples, random);
        SoftmaxRegression.write(
                weights,
                "copydesk name model: feature, then weights for PERSON ORGANIZATION PLACE OTHER",
                Path.of(args[3]));
        System.err.printf(
                "%d features written to %s (%d bytes)%n", weights.size(), args[3], Files.size(Path.of(args[3])));
    }

    /** NLP4J's type numbers, read off its list: 14 people, 13 and 0 organisations, 11 and 6 places; works etc. none. */
    static Label labelOf(Set<Integer> types) {
        Set<Label> labels = EnumSet.noneOf(Label.class);
        for (int t : types) {
            switch (t) {
                case 14 -> labels.add(Label.PERSON);
                case 13, 0 -> labels.add(Label.ORGANIZATION);
                case 11, 6 -> labels.add(Label.PLACE);
                case 8, 9, 10, 12, 15, 3 -> labels.add(Label.OTHER);
                default -> {
                    return null;
                }
            }
        }
        return labels.size() == 1 ? labels.iterator().next() : null; // "Eli Lilly": a person and a company
    }

    static Map<String, Label> readList(Path file) throws IOException {
        Map<String, Label> listed = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String name = line.substring(0, tab);
                Set<Integer> types = new HashSet<>();
                for (String t :
                        line.substring(tab + 1).replaceAll("[\\[\\] ]", "").split(",")) {
                    if (!t.isEmpty()) {
                        types.add(Integer.parseInt(t));
                    }
                }
                Label label = labelOf(types);
                if (label != null) {
                    listed.put(name, label);
                }
            }
        }
        return listed;
    }

    /** Names of two to six words, each capitalised or a joiner, sampled evenly across labels. */
    static List<Example> fromList(Map<String, Label> listed, Random random) {
        Map<Label, List<List<String>>> byLabel = new TreeMap<>();
        for (Map.Entry<String, Label> e : listed.entrySet()) {
            List<String> words = List.of(e.getKey().split(" "));
            if (words.size() >= 2 && words.size() <= 6 && words.stream().allMatch(NameModelTrainer::nameWord)) {
                byLabel.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(words);
            }
        }
        List<Example> out = new ArrayList<>();
        for (Map.Entry<Label, List<List<String>>> e : byLabel.entrySet()) {
            List<List<String>> names = e.getValue();
            names.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
            Collections.shuffle(names, random);
            for (List<String> words : names.subList(0, Math.min(PER_LABEL_FROM_LIST, names.size()))) {
                out.add(new Example(
                        NameModel.features(Run.alone(words)), e.getKey().ordinal()));
            }
        }
        return out;
    }

    /** A word as names in copy have them: capitalised, or a joiner ("of", "&"); not punctuation or "n't". */
    private static boolean nameWord(String w) {
        return NameModel.JOINERS.contains(w) || !w.isEmpty() && Character.isUpperCase(w.charAt(0));
    }

    /** The list by its names lower-cased, digits as 0; a name the list gives two types is in neither. */
    static Map<String, Label> byNormalisedName(Map<String, Label> listed) {
        Map<String, Label> out = new HashMap<>();
        Set<String> clashes = new HashSet<>();
        for (Map.Entry<String, Label> e : listed.entrySet()) {
            String key = NameModel.norm(e.getKey());
            Label before = out.put(key, e.getValue());
            if (before != null && before != e.getValue()) {
                clashes.add(key);
            }
        }
        out.keySet().removeAll(clashes);
        return out;
    }

    static List<Example> fromPages(Path dir, Set<String> heldOutHosts, Map<String, Label> listed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        EntityRecognizer rules = new EntityRecognizer();
        List<Example> out = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path page : pages) {
            JsonNode root = json.readTree(page.toFile());
            if (heldOutHosts.contains(host(root.path("url").asText()))) {
                continue;
            }
            String text = root.path("ground_truth").path("main_content").asText("");
            if (!text.isBlank()) {
                out.addAll(examplesOf(text, rules, listed, true));
            }
            // the page as copied off the site, chrome and all: menus and headings are runs that name nothing
            Path copied = dir.resolveSibling("text")
                    .resolve(page.getFileName().toString().replace(".json", ".txt"));
            if (Files.isRegularFile(copied)) {
                out.addAll(examplesOf(Files.readString(copied), rules, listed, false));
            }
        }
        return out;
    }

    static List<Example> examplesOf(String text, EntityRecognizer rules, Map<String, Label> listed, boolean seeded) {
        Map<String, Label> seeds = new HashMap<>();
        if (seeded) { // not in menus and footers, where the rules' guesses are poorer
            for (Entity e : rules.recognizeByRules(text).entities()) {
                if (e.type() == EntityRecognizer.Type.PERSON) {
                    seeds.put(e.name(), Label.PERSON);
                }
            }
        }
        List<Token> tokens = EntityRecognizer.tokenize(text);
        List<Example> out = new ArrayList<>();
        for (int[] span : NameModel.runs(text, tokens)) {
            int first = NameModel.nameStart(tokens, span[0], span[1]);
            if (span[1] - first < 1) {
                continue;
            }
            Run run = NameModel.run(text, tokens, first, span[1]);
            Label label = listed.get(NameModel.norm(String.join(" ", run.words())));
            if (label == null) {
                label = seeds.get(run.name());
            }
            if (label == null && allEverydayWords(run.words())) {
                label = Label.OTHER;
            }
            if (label != null) {
                out.add(new Example(NameModel.features(run), label.ordinal()));
            }
        }
        return out;
    }

    /** Everyday words only, none an organisation's head noun: "Key Factors Influencing", not "Department of Nutrition". */
    private static boolean allEverydayWords(List<String> words) {
        for (String w : words) {
            if (!NameModel.JOINERS.contains(w)
                    && (!NameModel.kind(w).equals("w") || EntityRecognizer.isOrganizationHead(w))) {
                return false;
            }
        }
        return true;
    }

    static Set<String> evaluationHosts(Path evalJsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> hosts = new HashSet<>();
        for (String line : Files.readAllLines(evalJsonl)) {
            if (!line.isBlank()) {
                String source = json.readTree(line).path("source").asText("");
                if (!source.isEmpty()) {
                    hosts.add(host(source));
                }
            }
        }
        return hosts;
    }

    static String host(String url) {
        try {
            String h = URI.create(url.trim()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String counts(List<Example> examples) {
        int[] c = new int[NameModel.LABELS];
        for (Example e : examples) {
            c[e.label()]++;
        }
        StringBuilder s = new StringBuilder();
        for (Label l : Label.values()) {
            s.append(l.name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(c[l.ordinal()])
                    .append(' ');
        }
        return s.toString().trim();
    }
}
