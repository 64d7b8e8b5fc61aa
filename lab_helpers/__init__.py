"""The helpers behind ``lab_utils_multiclass_TF`` and ``lab_utils_common``.

Import the helpers from those two modules; this package is how they are built,
one module per idea, from the bottom up:

========================  =====================================================
``checks``                argument checks, named after the parameters they check
``style``                 colours, colour maps and the course's plot style
``regression``            NumPy routines of the earlier regression labs
``network``               the forward pass of dense layers, softmax, loss
``predictor``             the one way to evaluate a model of any kind
``compute``               meshes, decision regions, unit maps
``display``               live ipympl canvases and their static PNG fallback
``draw``                  the pieces every figure is drawn with
``layout``                the space between a grid's panels, as its colour bars need
``figures``               the lab's four figures
``legacy_plots``          the original module's general plots
``binary_plots``          the earlier labs' binary-classification plots
``explain``               what a trained network does, in facts and sentences
``diagnosis``             why a training run succeeded or failed (``diagnosis_text``: its words)
``callbacks``             Keras callbacks (the only module that imports Keras)
``optional``              Keras-only names, loaded on use (or naming the extra)
``replay``                a recorded training as numbers, epoch by epoch
``explorer``              the replay of a recorded training, drawn with a slider
``trace``                 one point's way through the network, as numbers
``trace_figure``          the figure that follows one point, moved by a click
``value_axis``            the trace's score axis, refitted without a full redraw
``atlas_train``           many copies of the network trained at once, in NumPy
``atlas_keras``           where the training cell's run starts for a seed (TensorFlow)
``atlas``                 the seed atlas: one run of the training cell per seed
``atlas_figure``          the seed atlas as small multiples
========================  =====================================================
"""

__version__ = "1.1.0"
