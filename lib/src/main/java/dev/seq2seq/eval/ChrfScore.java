package dev.seq2seq.eval;

/**
 * A chrF or chrF++ score, as sacreBLEU's {@code CHRFScore}.
 *
 * @param score the score on the 0–100 scale
 * @param name {@code chrF2} or {@code chrF2++} (β, then one {@code +} per word order)
 * @param signature the sacreBLEU-style signature, e.g. {@code
 *     nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x.x}
 */
public record ChrfScore(double score, String name, String signature) {

    /**
     * Formats the score as sacreBLEU does, e.g. {@code chrF2 = 59.73}.
     *
     * @return name and score with two decimals, rounded as Python rounds
     */
    @Override
    public String toString() {
        return name + " = " + PythonText.fixed(score, 2);
    }

    /**
     * Formats the score with its signature, as sacreBLEU's text output: {@code
     * chrF2|nrefs:1|...|version:2.x.x = 52.0}.
     *
     * @param digits decimals for the score
     * @return the signed score
     */
    public String toSignedString(int digits) {
        return name + "|" + signature + " = " + PythonText.fixed(score, digits);
    }
}
