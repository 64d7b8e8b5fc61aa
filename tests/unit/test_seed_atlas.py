"""The seed atlas against the training cell's own network, trained by Keras seed by seed.

Seeds: 0 and 3 reach 100 %; 5, 7, 9, 10 and 23 do not (no dead unit); 26, 62 and 191
end with a layer-1 unit that outputs 0 for every example.
"""

import numpy as np
import pytest
from support import reference
from support.diagnosis_truth import check_diagnosis, cross_entropy, truth
from support.keras_models import train_lab_network

import lab_utils_multiclass_TF as mc

SEEDS = [0, 3, 5, 7, 9, 10, 23, 26, 62, 191]
SUCCEEDING = {0, 3}
WITH_A_DEAD_UNIT = {26, 62, 191}


@pytest.fixture(scope="module")
def keras_runs(lab_data):
    """Each seed's network trained by Keras as the training cell trains it, with the
    training cell's WeightHistory: seed -> (model, its recorded loss)."""
    runs = {}
    for seed in SEEDS:
        history = mc.WeightHistory(*lab_data)
        runs[seed] = train_lab_network(*lab_data, [history], seed=seed), history.loss
    return runs


@pytest.fixture(scope="module")
def atlas(lab_data):
    return mc.seed_atlas(*lab_data, SEEDS)


def test_is_indexed_by_seed_in_the_order_given(atlas):
    assert list(atlas) == SEEDS and len(atlas) == len(SEEDS)
    assert all(atlas[seed].seed == seed for seed in SEEDS)


def test_weights_equal_the_training_cells_network(atlas, keras_runs):
    for seed, (model, _) in keras_runs.items():
        got = atlas[seed].weights
        assert [w.shape for w in got] == [(2, 2), (2,), (2, 4), (4,)]
        assert all(w.dtype == np.float32 for w in got)
        for mine, theirs in zip(got, model.get_weights(), strict=True):
            np.testing.assert_allclose(mine, theirs, atol=1e-3, rtol=0, err_msg=f"seed {seed}")


def test_accuracy_is_that_of_the_training_cells_network(atlas, keras_runs, lab_data):
    X, y = lab_data
    for seed, (model, _) in keras_runs.items():
        keras_accuracy = float(np.mean(np.argmax(model(X).numpy(), axis=1) == y))
        assert atlas[seed].accuracy == keras_accuracy, f"seed {seed}"
        assert (keras_accuracy == 1.0) == (seed in SUCCEEDING)


def test_loss_is_the_one_the_training_cell_records(atlas, keras_runs, lab_data):
    X, y = lab_data
    for seed, (_, recorded) in keras_runs.items():
        assert atlas[seed].loss.shape == (201,) and atlas[seed].loss.dtype == np.float32
        np.testing.assert_allclose(atlas[seed].loss, recorded, atol=1e-4, rtol=0)
        # over all the examples, not a running mean over batches: the reference's at the end
        final = cross_entropy(reference.forward(X, *atlas[seed].weights).scores, y)
        assert atlas[seed].loss[-1] == pytest.approx(final, abs=1e-6), f"seed {seed}"


def test_summary_is_the_diagnosis_of_the_training_cells_network(atlas, keras_runs, lab_data):
    X, y = lab_data
    for seed, (model, recorded) in keras_runs.items():
        diagnosis = mc.diagnose_training(X, y, model, recorded)
        assert atlas[seed].summary == diagnosis.summary, f"seed {seed}"
        assert atlas[seed].dead_units == diagnosis.dead_units
        # and every fact in it holds for the atlas's weights, by the reference forward pass
        facts = truth(X.tolist(), y.tolist(), *(w.tolist() for w in atlas[seed].weights))
        check_diagnosis(atlas[seed].summary.splitlines(), facts, len(y),
                        atlas[seed].loss.tolist())


def test_dead_units_output_zero_for_every_example(atlas, lab_data):
    X, _ = lab_data
    for seed in SEEDS:
        a1 = reference.forward(X, *atlas[seed].weights).a1
        silent = [j for j in range(a1.shape[1]) if not a1[:, j].any()]
        assert list(atlas[seed].dead_units) == silent
        assert bool(silent) == (seed in WITH_A_DEAD_UNIT)


def test_failed_runs_name_a_cause_and_successful_ones_none(atlas):
    for seed in SEEDS:
        entry = atlas[seed]
        assert entry.separated == (seed in SUCCEEDING)
        assert (entry.cause == "") == entry.separated
        if entry.dead_units:
            assert entry.cause == "dead unit"


def test_weights_work_as_a_model_everywhere(atlas, lab_data):
    X, y = lab_data
    entry = atlas[26]
    scores = reference.forward(X, *entry.weights).scores
    np.testing.assert_allclose(mc.forward_trace(entry.weights, X).scores, scores, atol=1e-5)
    fig = mc.plt_cat_mc(X, y, entry.weights, 4)
    shown = fig.axes[0].images[0].get_array()
    assert set(np.unique(shown)) <= set(range(4))
    view = mc.plt_forward_trace(X, y, entry.weights, 4, X[0])
    assert view.trace.predicted[0] == int(np.argmax(scores[0]))


def test_repeats_the_same_numbers_on_a_second_call(atlas, lab_data):
    again = mc.seed_atlas(*lab_data, SEEDS[:3])
    for seed in SEEDS[:3]:
        for first, second in zip(atlas[seed].weights, again[seed].weights, strict=True):
            assert np.array_equal(first, second)


def test_fewer_epochs_train_the_same_as_keras(lab_data):
    X, y = lab_data
    model = train_lab_network(X, y, epochs=20, seed=7)
    entry = mc.seed_atlas(X, y, [7], epochs=20)[7]
    assert entry.loss.shape == (21,)
    for mine, theirs in zip(entry.weights, model.get_weights(), strict=True):
        np.testing.assert_allclose(mine, theirs, atol=1e-3, rtol=0)
