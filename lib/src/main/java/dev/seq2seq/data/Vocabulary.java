package dev.seq2seq.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token vocabulary: a bijection between tokens and ids {@code 0..V-1}, with the training
 * frequency of each token.
 *
 * <p>The reserved tokens have fixed ids: {@code <pad>} 0, {@code <unk>} 1, {@code <bos>} 2, {@code
 * <eos>} 3. The other tokens follow by decreasing frequency, ties broken alphabetically, so the
 * same data always gives the same ids. Unknown tokens encode to {@code <unk>}.
 *
 * <p>{@link #save} and {@link #load} use the plain-text format of {@link VocabularyFile}.
 */
public final class Vocabulary {

    /** Padding, id 0. */
    public static final String PAD = "<pad>";

    /** Unknown token, id 1. */
    public static final String UNK = "<unk>";

    /** Beginning of sentence, id 2: the decoder's first input. */
    public static final String BOS = "<bos>";

    /** End of sentence, id 3: the decoder's last output. */
    public static final String EOS = "<eos>";

    /** The id of {@link #PAD}. */
    public static final int PAD_ID = 0;

    /** The id of {@link #UNK}. */
    public static final int UNK_ID = 1;

    /** The id of {@link #BOS}. */
    public static final int BOS_ID = 2;

    /** The id of {@link #EOS}. */
    public static final int EOS_ID = 3;

    private static final List<String> RESERVED = List.of(PAD, UNK, BOS, EOS);

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens, long[] counts) {
        this.tokens = List.copyOf(tokens);
        this.counts = counts.clone();
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * Returns a builder that counts tokens.
     *
     * @return a new builder
     */
    public static VocabularyBuilder builder() {
        return new VocabularyBuilder();
    }

    /**
     * Returns the number of tokens V, reserved ones included.
     *
     * @return the vocabulary size
     */
    public int size() {
        return tokens.size();
    }

    /**
     * Returns the id of a token.
     *
     * @param token the token
     * @return its id, or {@link #UNK_ID} if it is not in the vocabulary
     */
    public int id(String token) {
        return ids.getOrDefault(token, UNK_ID);
    }

    /**
     * Returns every token, reserved ones included.
     *
     * @return an unmodifiable view of the tokens
     */
    public Set<String> tokens() {
        return Collections.unmodifiableSet(ids.keySet());
    }

    /**
     * Returns whether a token is in the vocabulary.
     *
     * @param token the token
     * @return true if it has its own id
     */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * Returns the token of an id.
     *
     * @param id the id
     * @return the token
     * @throws IndexOutOfBoundsException if the id is not in {@code 0..V-1}
     */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IndexOutOfBoundsException(
                    "token id " + id + " is outside the vocabulary 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /**
     * Returns how often a token occurred in the data the vocabulary was built from.
     *
     * @param id the id
     * @return the count, 0 for the reserved tokens
     * @throws IndexOutOfBoundsException if the id is not in {@code 0..V-1}
     */
    public long count(int id) {
        token(id);
        return counts[id];
    }

    /**
     * Encodes tokens to ids; unknown tokens become {@link #UNK_ID}. No {@code <bos>}/{@code <eos>}
     * is added.
     *
     * @param sentence the tokens
     * @return their ids
     */
    public int[] encode(List<String> sentence) {
        int[] result = new int[sentence.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = id(sentence.get(i));
        }
        return result;
    }

    /**
     * Maps every id to its token, reserved tokens included.
     *
     * @param sentence the ids
     * @return the tokens
     * @throws IndexOutOfBoundsException if an id is not in {@code 0..V-1}
     */
    public List<String> toTokens(int[] sentence) {
        List<String> result = new ArrayList<>(sentence.length);
        for (int id : sentence) {
            result.add(token(id));
        }
        return result;
    }

    /**
     * Decodes a model output: stops at the first {@code <eos>} and skips {@code <pad>} and {@code
     * <bos>}; {@code <unk>} is kept so that unknown words stay visible.
     *
     * @param sentence the ids
     * @return the tokens of the sentence
     * @throws IndexOutOfBoundsException if an id is not in {@code 0..V-1}
     */
    public List<String> decode(int[] sentence) {
        List<String> result = new ArrayList<>(sentence.length);
        for (int id : sentence) {
            if (id == EOS_ID) {
                break;
            }
            if (id != PAD_ID && id != BOS_ID) {
                result.add(token(id));
            }
        }
        return result;
    }

    /**
     * Returns the fraction of running tokens in {@code sentences} that have their own id (are not
     * {@code <unk>}).
     *
     * @param sentences tokenized sentences
     * @return the coverage in [0, 1], or 1 when there are no tokens
     */
    public double coverage(Collection<List<String>> sentences) {
        long known = 0;
        long total = 0;
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                total++;
                if (ids.containsKey(token)) {
                    known++;
                }
            }
        }
        return total == 0 ? 1.0 : (double) known / total;
    }

    /**
     * Returns the training counts of the non-reserved tokens, in id order (so, descending).
     *
     * @return the counts of ids 4..V-1
     */
    public long[] tokenCounts() {
        return Arrays.copyOfRange(counts, RESERVED.size(), counts.length);
    }

    /**
     * Saves the vocabulary as plain text; see {@link VocabularyFile#save}.
     *
     * @param file the file to write; its folder must exist
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public void save(Path file) {
        VocabularyFile.save(this, file);
    }

    /**
     * Loads a vocabulary saved by {@link #save}; see {@link VocabularyFile#load}.
     *
     * @param file the file
     * @return the vocabulary, equal to the one saved
     * @throws DataFileException if the file is missing or malformed, naming file and line
     */
    public static Vocabulary load(Path file) {
        return VocabularyFile.load(file);
    }

    /**
     * Creates a vocabulary from tokens in id order and their counts (for {@link VocabularyFile}).
     */
    static Vocabulary of(List<String> tokens, long[] counts) {
        return new Vocabulary(tokens, counts);
    }

    /**
     * Returns the reserved tokens in id order.
     *
     * @return {@code <pad> <unk> <bos> <eos>}
     */
    public static List<String> reservedTokens() {
        return RESERVED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other
                && tokens.equals(other.tokens)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Vocabulary(V=" + size() + ")";
    }
}
