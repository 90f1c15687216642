/** The reports of a run: console, JSON, JUnit XML, HTML and Markdown. */
package io.offsetkit.conformance.report;
