"""What the tests share: an independent reference forward pass (reference), the Keras
networks they train or build (keras_models), a reader of what a figure shows (figure_reader),
and readers of an executed notebook's outputs and printed sentences."""
