/** Small shared utilities: a stable JSON writer and tolerant reader, atomic file writes. */
package org.mlopt.util;
