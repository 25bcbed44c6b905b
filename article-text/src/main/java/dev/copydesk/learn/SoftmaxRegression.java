package dev.copydesk.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression over named binary features, trained by AdaGrad. Small enough to own: the models
 * it trains (name types, story lines) have a few features an example and tens of thousands of examples, and a
 * library (Smile, Tribuo) would bring megabytes and its own model format for a thirty-line loop.
 */
public final class SoftmaxRegression {

    /** One training example: its features and the index of its class. */
    public record Example(List<String> features, int label) {}

    private final int classes;
    private final int epochs;
    private final double rate;
    private final int minCount;

    /**
     * @param minCount features seen in fewer examples are left out (they would only fit noise)
     */
    public SoftmaxRegression(int classes, int epochs, double rate, int minCount) {
        this.classes = classes;
        this.epochs = epochs;
        this.rate = rate;
        this.minCount = minCount;
    }

    /** Class probabilities of a feature list under {@code weights}. */
    public static double[] probabilities(Map<String, float[]> weights, List<String> features, int classes) {
        double[] score = new double[classes];
        for (String f : features) {
            float[] w = weights.get(f);
            if (w != null) {
                for (int k = 0; k < classes; k++) {
                    score[k] += w[k];
                }
            }
        }
        return softmax(score);
    }

    public static double[] softmax(double[] score) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[score.length];
        for (int k = 0; k < score.length; k++) {
            p[k] = Math.exp(score[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < score.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** One feature a line: the feature, then a weight per class, tab-separated; lines starting "#" are comments. */
    public static Map<String, float[]> read(InputStream in, int classes) throws IOException {
        Map<String, float[]> weights = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != classes + 1) {
                throw new IOException("model line has " + cols.length + " columns, not " + (classes + 1));
            }
            float[] w = new float[classes];
            for (int k = 0; k < classes; k++) {
                w[k] = Float.parseFloat(cols[k + 1]);
            }
            weights.put(cols[0], w);
        }
        return weights;
    }

    /** Writes weights as {@link #read} reads them, gzipped, with a comment line first. */
    public static void write(Map<String, float[]> weights, String comment, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                PrintWriter out =
                        new PrintWriter(new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8))) {
            out.println("# " + comment);
            for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
                StringBuilder line = new StringBuilder(e.getKey());
                for (float v : e.getValue()) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.3f", v));
                }
                out.println(line);
            }
        }
    }

    /**
     * Weights per feature and class, features whose weights all stay under 0.01 left out. Deterministic for a given
     * list of examples and seed.
     */
    public Map<String, float[]> train(List<Example> examples, Random random) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> c : new TreeMap<>(counts).entrySet()) {
            if (c.getValue() >= minCount) {
                index.put(c.getKey(), index.size());
            }
        }
        List<int[]> rows = new ArrayList<>(examples.size());
        int[] gold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            rows.add(e.features().stream()
                    .map(index::get)
                    .filter(x -> x != null)
                    .mapToInt(Integer::intValue)
                    .toArray());
            gold[i] = e.label();
        }
        double[] w = new double[index.size() * classes];
        double[] g2 = new double[w.length];
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                int[] x = rows.get(i);
                double[] score = new double[classes];
                for (int f : x) {
                    for (int k = 0; k < classes; k++) {
                        score[k] += w[f * classes + k];
                    }
                }
                double[] p = softmax(score);
                for (int k = 0; k < classes; k++) {
                    double grad = p[k] - (k == gold[i] ? 1 : 0);
                    for (int f : x) {
                        int j = f * classes + k;
                        double gj = grad + 1e-6 * w[j];
                        g2[j] += gj * gj;
                        w[j] -= rate * gj / Math.sqrt(g2[j] + 1e-8);
                    }
                }
            }
        }
        Map<String, float[]> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            float[] v = new float[classes];
            double max = 0;
            for (int k = 0; k < classes; k++) {
                v[k] = (float) w[e.getValue() * classes + k];
                max = Math.max(max, Math.abs(v[k]));
            }
            if (max >= 0.01) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }
}
