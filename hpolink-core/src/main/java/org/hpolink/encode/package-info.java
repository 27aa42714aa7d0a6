/**
 * Transformer encoders for the learned stages: BERT sentence encoders shipped as ONNX files in LangChain4j's model
 * jars ({@link org.hpolink.encode.EncoderModel}), run by ONNX Runtime ({@link org.hpolink.encode.TextEncoder}) over
 * the pieces of a pure-Java WordPiece tokenizer ({@link org.hpolink.encode.WordPieceTokenizer}) whose offsets map
 * every piece back to the original text.
 *
 * <p>ONNX Runtime types stay inside this package. Nothing here reaches the network: models come from the classpath
 * or from files.
 */
package org.hpolink.encode;
