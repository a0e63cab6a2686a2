package dev.seq2seq.eval;

/**
 * How BLEU treats an n-gram order with no matches, whose precision 0 would make the geometric mean
 * 0. The methods are those of sacreBLEU 2.x ({@code BLEU.compute_bleu}), after Chen and Cherry, "A
 * Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU" (WMT 2014), which is also
 * where the default values come from. Smoothing matters mostly for single sentences; on a real
 * corpus every order usually has matches and all methods but {@link #ADD_K} agree.
 */
public enum Smoothing {

    /** No smoothing: a zero precision makes BLEU 0. */
    NONE("none", Double.NaN),

    /**
     * Chen and Cherry method 1: a zero match count is replaced by the value ε (default 0.1), so the
     * precision is ε / total.
     */
    FLOOR("floor", 0.1),

    /**
     * Chen and Cherry method 2 (Lin and Och 2004): k (default 1) is added to the match count and to
     * the total of every order n ≥ 2, matched or not. As in sacreBLEU, an order with no hypothesis
     * n-grams then gets precision k / k = 100%.
     */
    ADD_K("add-k", 1),

    /**
     * Chen and Cherry method 3, the NIST smoothing of {@code mteval-v13a.pl} and sacreBLEU's
     * default: the i-th order with no matches gets precision 1 / (2^i · total).
     */
    EXP("exp", Double.NaN);

    private final String signature;
    private final double defaultValue;

    Smoothing(String signature, double defaultValue) {
        this.signature = signature;
        this.defaultValue = defaultValue;
    }

    /**
     * Returns whether the method takes a value (ε for {@link #FLOOR}, k for {@link #ADD_K}).
     *
     * @return true for {@link #FLOOR} and {@link #ADD_K}
     */
    public boolean takesValue() {
        return !Double.isNaN(defaultValue);
    }

    /**
     * Returns the default value: 0.1 for {@link #FLOOR}, 1 for {@link #ADD_K}.
     *
     * @return the default value, or NaN if the method takes none
     */
    public double defaultValue() {
        return defaultValue;
    }

    /**
     * Returns the method's part of the BLEU signature, as sacreBLEU writes it: the name, then the
     * value with two decimals in brackets if the method takes one ({@code floor[0.10]}, {@code
     * add-k[1.00]}, {@code exp}).
     *
     * @param value the value in use (ignored if the method takes none)
     * @return the signature part
     */
    public String signature(double value) {
        return takesValue() ? signature + "[" + PythonText.fixed(value, 2) + "]" : signature;
    }

    /**
     * Returns the method's sacreBLEU name.
     *
     * @return {@code none}, {@code floor}, {@code add-k} or {@code exp}
     */
    public String signatureName() {
        return signature;
    }

    /**
     * Looks a method up by its sacreBLEU name.
     *
     * @param name {@code none}, {@code floor}, {@code add-k} or {@code exp}
     * @return the method
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Smoothing fromSignature(String name) {
        for (Smoothing smoothing : values()) {
            if (smoothing.signature.equals(name)) {
                return smoothing;
            }
        }
        throw new IllegalArgumentException(
                "unknown BLEU smoothing '" + name + "'; known: none, floor, add-k, exp");
    }
}
