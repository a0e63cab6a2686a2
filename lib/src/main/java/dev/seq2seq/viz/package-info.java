/**
 * Charts as values: methods here build and return XChart charts; {@link dev.seq2seq.viz.Charts}
 * renders them to a {@link java.awt.image.BufferedImage} for a notebook or saves them as PNG.
 * {@link dev.seq2seq.viz.ModelDiagram} draws a model's architecture straight to an image, as no
 * chart type fits a block diagram.
 */
package dev.seq2seq.viz;
