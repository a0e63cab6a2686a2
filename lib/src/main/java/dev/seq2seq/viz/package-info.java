/**
 * Charts as values: methods here build and return XChart charts; {@link dev.seq2seq.viz.Charts}
 * renders them to a {@link java.awt.image.BufferedImage} for a notebook or saves them as PNG.
 */
package dev.seq2seq.viz;
