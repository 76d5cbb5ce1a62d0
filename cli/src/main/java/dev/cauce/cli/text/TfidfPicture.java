package dev.cauce.cli.text;

import dev.cauce.core.io.AtomicFiles;
import dev.cauce.preprocess.text.BagOfWords;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** A bar chart of the mean TF-IDF weight of the strongest terms, one series per class (XChart, PNG). */
final class TfidfPicture {
    private TfidfPicture() { }

    static void write(Path png, BagOfWords tfidf, List<List<String>> docs, List<String> labels, int topTerms) throws IOException {
        List<String> classes = new ArrayList<>(new TreeSet<>(labels));
        double[][] mean = new double[classes.size()][tfidf.dim()];
        int[] count = new int[classes.size()];
        for (int i = 0; i < docs.size(); i++) {
            int c = classes.indexOf(labels.get(i));
            count[c]++;
            var row = tfidf.transform(docs.get(i));
            for (int k = 0; k < row.nnz(); k++) mean[c][row.indices()[k]] += row.values()[k];
        }
        for (int c = 0; c < classes.size(); c++) for (int j = 0; j < tfidf.dim(); j++) mean[c][j] /= Math.max(1, count[c]);
        // the strongest terms of each class in turn, so that every class shows its own vocabulary
        List<Integer> top = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            final int cls = c;
            IntStream.range(0, tfidf.dim()).boxed().sorted(Comparator.comparingDouble(j -> -mean[cls][j]))
                    .filter(j -> !top.contains(j)).limit(Math.max(1, topTerms / classes.size())).forEach(top::add);
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title("Mean TF-IDF of the strongest terms of each class")
                .xAxisTitle("term").yAxisTitle("mean TF-IDF").build();
        List<String> names = top.stream().map(tfidf.terms()::get).toList();
        for (int c = 0; c < classes.size(); c++) {
            final int cls = c;
            chart.addSeries(classes.get(c), names, top.stream().map(j -> (Number) mean[cls][j]).toList());
        }
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(png, o -> o.write(bytes));
    }
}
