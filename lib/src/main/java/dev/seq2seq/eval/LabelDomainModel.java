package dev.seq2seq.eval;

import com.oracle.labs.mlrg.olcut.util.Pair;

import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Tribuo model that only carries a label domain: Tribuo's {@link
 * org.tribuo.classification.evaluation.LabelEvaluator} takes a model for the domain and the
 * provenance, while the predictions come from elsewhere.
 */
final class LabelDomainModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    LabelDomainModel(ImmutableOutputInfo<Label> domain) {
        this(
                "seq2seq-token-predictions",
                new ModelProvenance(
                        LabelDomainModel.class.getName(),
                        OffsetDateTime.now(),
                        new EmptyDatasetProvenance(),
                        new EmptyTrainerProvenance()),
                domain);
    }

    private LabelDomainModel(
            String name, ModelProvenance provenance, ImmutableOutputInfo<Label> domain) {
        super(name, provenance, new ImmutableFeatureMap(List.of()), domain, false);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        throw new UnsupportedOperationException(
                "this model only carries the labels of predictions made by a seq2seq model");
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new LabelDomainModel(newName, newProvenance, getOutputIDInfo());
    }
}
