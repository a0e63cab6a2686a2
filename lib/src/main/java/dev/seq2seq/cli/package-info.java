/**
 * The command line, {@code bin/seq2seq}: train a model, translate with it, and measure training
 * speed. Built with picocli; {@code bin/seq2seq --help} lists the subcommands.
 */
package dev.seq2seq.cli;
