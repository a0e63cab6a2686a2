package dev.seq2seq.data;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.SplitFunctionTokenizer;

/**
 * Tribuo's {@link SplitFunctionTokenizer} with a split after every character: one token per code
 * point, white space dropped. The source side of spelling-to-sound models ({@link
 * Units#CHARACTERS}): {@code "through"} becomes {@code t h r o u g h}.
 */
public final class CharacterTokenizer extends SplitFunctionTokenizer {

    /** Creates the tokenizer. */
    public CharacterTokenizer() {
        super(
                (codePoint, index, text) ->
                        Character.isWhitespace(codePoint)
                                ? SplitResult.SPLIT_AT
                                : SplitResult.SPLIT_AFTER_WORD);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }

    @Override
    public Tokenizer clone() {
        return new CharacterTokenizer();
    }

    @Override
    public String toString() {
        return "CharacterTokenizer";
    }
}
