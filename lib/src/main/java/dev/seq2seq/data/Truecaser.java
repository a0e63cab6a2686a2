package dev.seq2seq.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Restores the case of lower-cased tokens, as a statistical truecaser does (the recaser of Moses;
 * Lita et al. 2003 in its simplest form): every word gets the form it takes most often in training
 * text where case carries information, i.e. not at the start of a sentence; then the first letter
 * of each sentence is capitalised. Models here read and write lower-cased tokens; this turns their
 * output into text cased like the references ({@code tom} → {@code Tom}, {@code je} → {@code Je} at
 * the start). Immutable and thread-safe.
 *
 * <p>Saved as a plain-text file, one {@code word<TAB>Form} line per word whose preferred form is
 * not its lower-case form (the others need no entry), sorted by word.
 */
public final class Truecaser {

    /** Tokens after which a new sentence starts (an opening French quote starts quoted speech). */
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "…", "«");

    private final Locale locale;
    private final Map<String, String> forms;

    private Truecaser(Locale locale, Map<String, String> forms) {
        this.locale = locale;
        this.forms = Map.copyOf(forms);
    }

    /**
     * Learns the preferred forms from the target side of training pairs, normalised as the models'
     * text is but keeping case.
     *
     * @param language the target language
     * @param pairs the training pairs (only these: held-out targets stay unseen)
     * @return the truecaser
     */
    public static Truecaser fromTargets(Language language, List<SentencePair> pairs) {
        TextNormalizer cased =
                TextNormalizer.builder().setLanguage(language).optLowerCase(false).build();
        List<List<String>> sentences = new ArrayList<>(pairs.size());
        for (SentencePair pair : pairs) {
            String text = cased.normalize(pair.target());
            sentences.add(text.isEmpty() ? List.of() : List.of(text.split(" ")));
        }
        return learn(language, sentences);
    }

    /**
     * Learns each word's preferred form from cased, tokenized sentences: the most frequent form
     * among its occurrences that do not start a sentence (ties go to the lower-case form, then to
     * the first in alphabetical order).
     *
     * @param language the language, whose locale lower-cases
     * @param sentences cased tokens, e.g. from a {@link TextNormalizer} with {@code
     *     optLowerCase(false)}
     * @return the truecaser
     */
    public static Truecaser learn(Language language, Iterable<List<String>> sentences) {
        Locale locale = language.locale();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            boolean start = true;
            for (String token : sentence) {
                if (!start) {
                    counts.computeIfAbsent(token.toLowerCase(locale), w -> new TreeMap<>())
                            .merge(token, 1, Integer::sum);
                }
                start = startsSentence(start, token);
            }
        }
        Map<String, String> forms = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            String lower = e.getKey();
            String best = lower;
            int bestCount = e.getValue().getOrDefault(lower, 0);
            for (Map.Entry<String, Integer> form : e.getValue().entrySet()) {
                if (form.getValue() > bestCount) {
                    best = form.getKey();
                    bestCount = form.getValue();
                }
            }
            if (!best.equals(lower)) {
                forms.put(lower, best);
            }
        }
        return new Truecaser(locale, forms);
    }

    /**
     * Restores case: each token's preferred form, then a capital first letter for the first word of
     * each sentence (reserved tokens such as {@code <unk>} are left as they are).
     *
     * @param tokens lower-cased tokens
     * @return the cased tokens, one per token
     */
    public List<String> apply(List<String> tokens) {
        List<String> cased = new ArrayList<>(tokens.size());
        boolean start = true;
        for (String token : tokens) {
            String form = forms.getOrDefault(token, token);
            if (start && hasLetter(form) && !Vocabulary.reservedTokens().contains(token)) {
                form = capitalize(form);
            }
            cased.add(form);
            start = startsSentence(start, token);
        }
        return cased;
    }

    /**
     * Returns the preferred form of a word.
     *
     * @param word a lower-case word
     * @return its preferred form, the word itself if it has no other
     */
    public String form(String word) {
        return forms.getOrDefault(word, word);
    }

    /**
     * Returns the number of words whose preferred form is not lower-case.
     *
     * @return the number of entries
     */
    public int size() {
        return forms.size();
    }

    private String capitalize(String token) {
        int i = 0;
        while (i < token.length() && !Character.isLetter(token.codePointAt(i))) {
            i += Character.charCount(token.codePointAt(i));
        }
        int end = i + Character.charCount(token.codePointAt(i));
        return token.substring(0, i)
                + token.substring(i, end).toUpperCase(locale)
                + token.substring(end);
    }

    /**
     * Whether the token after this one starts a sentence: after sentence-final punctuation, and
     * after punctuation at the start of one (an opening bracket or dash); a word or number ends the
     * start.
     */
    private static boolean startsSentence(boolean start, String token) {
        return SENTENCE_END.contains(token)
                || (start && token.codePoints().noneMatch(Character::isLetterOrDigit));
    }

    private static boolean hasLetter(String token) {
        return token.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * Saves the entries, one {@code word<TAB>Form} line each, sorted by word.
     *
     * @param file the file to write; its folder must exist
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : new TreeMap<>(forms).entrySet()) {
                out.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write truecaser " + file, e);
        }
    }

    /**
     * Loads a truecaser written by {@link #save}.
     *
     * @param file the file
     * @param language the language, whose locale capitalises
     * @return the truecaser
     * @throws DataFileException if the file is missing, is not UTF-8, or has a line that is not
     *     {@code word<TAB>Form} with the form a different casing of the word, or a repeated word;
     *     the message names file and line
     */
    public static Truecaser load(Path file, Language language) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such truecaser file", e);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "invalid UTF-8", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        Locale locale = language.locale();
        Map<String, String> forms = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\t", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new DataFileException(file, i + 1, "expected word<TAB>Form");
            }
            if (!parts[1].toLowerCase(locale).equals(parts[0])) {
                throw new DataFileException(
                        file,
                        i + 1,
                        "'"
                                + parts[1]
                                + "' is not a casing of the lower-case word '"
                                + parts[0]
                                + "'");
            }
            if (forms.put(parts[0], parts[1]) != null) {
                throw new DataFileException(file, i + 1, "word '" + parts[0] + "' repeats");
            }
        }
        return new Truecaser(locale, forms);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Truecaser t && t.forms.equals(forms) && t.locale.equals(locale);
    }

    @Override
    public int hashCode() {
        return forms.hashCode();
    }

    @Override
    public String toString() {
        return "Truecaser(" + forms.size() + " cased words, " + locale + ")";
    }
}
