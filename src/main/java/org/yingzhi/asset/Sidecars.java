package org.yingzhi.asset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yingzhi.shared.json.Json;

/**
 * Metadata that travels beside files in an imported folder: a {@code metadata.csv} per folder (a {@code file}
 * column plus any descriptive field; keywords separated by ';') and a {@code <file>.json} per file. The per-file
 * JSON wins over the CSV.
 */
final class Sidecars {

    static final String CSV_NAME = "metadata.csv";

    private final Map<Path, Map<String, AssetDescription>> csvByDir = new HashMap<>();

    static boolean isSidecar(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.equals(CSV_NAME) || n.endsWith(".json");
    }

    /** Metadata for a file; throws IllegalArgumentException naming the sidecar when one is malformed. */
    AssetDescription forFile(Path file) throws IOException {
        AssetDescription fromCsv = csv(file.getParent()).getOrDefault(file.getFileName().toString(), AssetDescription.empty());
        Path json = file.resolveSibling(file.getFileName() + ".json");
        if (Files.isRegularFile(json)) {
            try {
                return Json.readStrict(Files.readString(json, StandardCharsets.UTF_8), AssetDescription.class).orElse(fromCsv);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sidecar " + json.getFileName() + ": " + e.getMessage());
            }
        }
        return fromCsv;
    }

    private Map<String, AssetDescription> csv(Path dir) throws IOException {
        Map<String, AssetDescription> cached = csvByDir.get(dir);
        if (cached != null) {
            return cached;
        }
        Map<String, AssetDescription> out = new HashMap<>();
        Path csv = dir.resolve(CSV_NAME);
        if (Files.isRegularFile(csv)) {
            List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
            if (!rows.isEmpty()) {
                List<String> header = rows.get(0).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
                int fileCol = header.indexOf("file");
                if (fileCol < 0) {
                    throw new IllegalArgumentException(CSV_NAME + " in " + dir.getFileName() + " has no 'file' column");
                }
                for (List<String> row : rows.subList(1, rows.size())) {
                    if (row.size() <= fileCol || row.get(fileCol).isBlank()) {
                        continue;
                    }
                    Map<String, String> m = new HashMap<>();
                    for (int i = 0; i < header.size() && i < row.size(); i++) {
                        m.put(header.get(i), row.get(i));
                    }
                    String kw = m.get("keywords");
                    out.put(row.get(fileCol).strip(), new AssetDescription(m.get("title"), m.get("description"),
                            m.get("contributorUnit"), m.get("source"), m.get("captureDate"), m.get("place"),
                            kw == null || kw.isBlank() ? null : Arrays.asList(kw.split("[;；]")), m.get("rights"),
                            m.get("batch"), Boolean.TRUE)); // a row speaks of that one file: its values win
                }
            }
        }
        csvByDir.put(dir, out);
        return out;
    }

    /** RFC 4180: commas, double-quoted fields with "" escapes and line breaks inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
