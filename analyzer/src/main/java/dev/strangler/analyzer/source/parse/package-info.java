/** Reading a source tree's files and parsing them: file walking, text decoding, compacted syntax trees and XML. */
package dev.strangler.analyzer.source.parse;
