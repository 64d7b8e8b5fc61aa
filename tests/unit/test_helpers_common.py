"""lab_utils_common's NumPy helpers against values worked out by hand."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lab_utils_common as common

X2 = np.array([[1.0, 2.0], [3.0, 4.0]])
Y2 = np.array([0.0, 1.0])
W2 = np.array([0.5, -0.25])


def test_sigmoid_values_and_clipping():
    assert common.sigmoid(0) == 0.5
    assert np.isclose(common.sigmoid(np.log(3)), 0.75)  # 1 / (1 + 1/3)
    assert np.allclose(common.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])  # no overflow
    assert common.sigmoid(np.zeros((2, 3))).shape == (2, 3)


def test_predict_linear_and_logistic():
    # X @ w + b = [1*0.5 - 2*0.25 + 1, 3*0.5 - 4*0.25 + 1] = [1, 1.5]
    assert np.allclose(common.predict_linear(X2, W2, 1.0), [1.0, 1.5])
    assert np.allclose(common.predict_logistic(X2, W2, 1.0), 1 / (1 + np.exp([-1.0, -1.5])))


def test_log_1pexp():
    assert np.isclose(common.log_1pexp(np.array([0.0]))[0], np.log(2))
    assert common.log_1pexp(np.array([100.0]))[0] == 100.0  # above `maximum`: x itself
    assert np.isclose(common.log_1pexp(np.array([5.0]), maximum=20)[0], np.log1p(np.exp(5)))


@pytest.mark.parametrize("safe", [False, True])
def test_compute_cost_logistic(safe):
    # z = [1, 1.5]; loss = [-log(1 - s(1)), -log(s(1.5))]
    z = np.array([1.0, 1.5])
    expected = np.mean([-np.log(1 - 1 / (1 + np.exp(-z[0]))), -np.log(1 / (1 + np.exp(-z[1])))])
    assert np.isclose(common.compute_cost_logistic(X2, Y2, W2, 1.0, safe=safe), expected)
    # penalty lambda/(2m) * sum(w^2) = 1/4 * (0.25 + 0.0625)
    assert np.isclose(common.compute_cost_logistic(X2, Y2, W2, 1.0, lambda_=1, safe=safe),
                      expected + 0.078125)


def test_compute_cost_matrix_squared_error_and_shapes():
    # f = [1, 1.5], y = [0, 1] -> (1 + 0.25) / (2 * 2)
    for y, w in [(Y2, W2), (Y2.reshape(-1, 1), W2.reshape(-1, 1))]:
        assert np.isclose(common.compute_cost_matrix(X2, y, w, 1.0), 0.3125)
        assert np.isclose(common.compute_cost_matrix(X2, y, w, 1.0, lambda_=2), 0.3125 + 0.15625)
    assert np.isclose(common.compute_cost_matrix(X2, Y2, W2, 1.0, logistic=True),
                      common.compute_cost_logistic(X2, Y2, W2, 1.0))


def test_compute_gradient_matrix():
    # err = [1, 0.5]; dj_dw = X.T @ err / 2 = [2.5, 4] / 2; dj_db = 0.75
    dj_db, dj_dw = common.compute_gradient_matrix(X2, Y2, W2, 1.0)
    assert np.isclose(dj_db, 0.75)
    assert dj_dw.shape == (2, 1)
    assert np.allclose(dj_dw.ravel(), [1.25, 2.0])
    _, dj_dw_reg = common.compute_gradient_matrix(X2, Y2, W2, 1.0, lambda_=2)
    assert np.allclose(dj_dw_reg.ravel(), [1.25 + 0.5, 2.0 - 0.25])  # + lambda/m * w


def test_gradient_descent_fits_a_line(capsys):
    X = np.arange(10.0).reshape(-1, 1)
    y = 2 * X[:, 0] + 1
    w, b, history = common.gradient_descent(X, y, np.zeros(1), 0.0, 0.02, 3000)
    assert w.shape == (1,)
    assert np.isclose(w[0], 2, atol=1e-2) and np.isclose(b, 1, atol=5e-2)
    assert len(history) == 3000 and history[-1] < history[0]
    printed = capsys.readouterr().out.splitlines()
    assert 9 <= len(printed) <= 11 and printed[0].startswith("Iteration")


def test_gradient_descent_still_diverges_with_a_too_large_step():
    X = np.arange(1.0, 4.0).reshape(-1, 1)
    _, _, history = common.gradient_descent(X, X[:, 0], np.zeros(1), 0.0, 0.5, 30,
                                            verbose=False)
    assert history[-1] > 1e6  # the lesson of the earlier labs: alpha too large diverges


def test_gradient_descent_takes_smaller_steps_once_the_cost_stops_changing(capsys):
    # Already at the minimum: the cost never changes, so alpha shrinks at each check.
    X = np.array([[1.0], [2.0]])
    w, b, history = common.gradient_descent(X, 2 * X[:, 0], np.array([2.0]), 0.0, 0.1, 20)
    assert w[0] == 2.0 and b == 0.0 and history == [0.0] * 20
    assert len(capsys.readouterr().out.splitlines()) == 10


def test_gradient_descent_without_trace_keeps_no_history():
    _, _, history = common.gradient_descent(X2, Y2, W2, 0.0, 0.01, 5, verbose=False,
                                            Trace=False)
    assert history == []


def test_zscore_normalize_features():
    X = np.array([[1.0, 10.0], [3.0, 30.0]])
    X_norm, mu, sigma = common.zscore_normalize_features(X)
    assert np.allclose(mu, [2, 20]) and np.allclose(sigma, [1, 10])
    assert np.allclose(X_norm, [[-1, -1], [1, 1]])
    with pytest.raises(ValueError, match=r"constant column\(s\) \[1\]"):
        common.zscore_normalize_features(np.array([[1.0, 5.0], [2.0, 5.0]]))


def test_binary_plots_draw_on_the_given_axes():
    fig, ax = plt.subplots()
    common.plot_data(np.array([[0, 0], [1, 1], [2, 0]]), np.array([0, 1, 1]), ax)
    assert [len(c.get_offsets()) for c in ax.collections] == [2, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["y=1", "y=0"]
    fig2, ax2 = plt.subplots()
    common.plt_tumor_data(np.array([1.0, 2.0, 3.0]), np.array([0, 0, 1]), ax2)
    common.draw_vthresh(ax2, 2.5)
    assert len(ax2.collections) == 4  # 2 scatters + 2 shaded halves
    assert plt.get_fignums() == [fig.number, fig2.number]


def test_button_manager_keeps_exactly_one_button_checked():
    calls = []
    fig = plt.figure()
    manager = common.button_manager(fig, [0.1, 0.1, 0.3, 0.3], ["a", "b", "c"],
                                     [True, False, False],
                                     lambda index, firsttime=False: calls.append(
                                         (index, firsttime)))
    assert calls == [(0, True)]  # told the initial choice once
    manager.button.set_active(2)  # a learner checks "c"
    assert manager.status == [False, False, True]
    manager.button.set_active(2)  # and clicks it again: it stays checked
    assert manager.button.get_status() == [False, False, True]
    assert calls[1:] == [(2, False), (2, False)]
    manager.reinit()
    assert manager.button.get_status() == [True, False, False]
    with pytest.raises(ValueError, match="exactly one True in init"):
        common.button_manager(fig, [0.5, 0.5, 0.2, 0.2], ["a", "b"], [True, True], print)
