package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report as JUnit XML (the Ant/Surefire {@code testsuite} format CI servers read): one {@code
 * testcase} per rule, named by its id, classed by family and level, with its statement and source
 * as {@code system-out}; a new failure has a {@code failure} with the full message, a skipped rule a
 * {@code skipped} with the reason, and a known failure (in the baseline) a {@code skipped} saying so,
 * so that it does not turn the CI's test view red. The contract, kit, target, time, seed, selection
 * and baseline are {@code properties}, and so is the result line ({@code result}); the coverage and
 * the result line are the suite's {@code system-out}.
 */
public final class JunitXmlReport {

    private JunitXmlReport() {}

    public static String render(KitReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "offsetkit-conformance");
            xml.writeAttribute("tests", String.valueOf(report.results().size()));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(report.withOutcome(Outcome.FAILED).size()));
            xml.writeAttribute(
                    "errors", String.valueOf(report.withOutcome(Outcome.ERROR).size()));
            xml.writeAttribute(
                    "skipped",
                    String.valueOf(report.count(Verdict.SKIPPED)
                            + report.withOutcome(Outcome.KNOWN_FAILURE).size()));
            RunInfo info = report.info();
            xml.writeAttribute("timestamp", info.started().toString());
            xml.writeAttribute(
                    "time",
                    seconds(Duration.between(info.started(), info.finished()).toMillis()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "contract.title", info.specTitle());
            property(xml, "contract.version", info.specVersion());
            property(xml, "contract.sha256", info.specSha256());
            property(xml, "kit.version", info.kitVersion());
            property(xml, "target", info.target());
            property(xml, "fixture", info.fixture());
            property(xml, "credentials", info.credentials());
            property(xml, "seed", String.valueOf(info.seed()));
            property(xml, "selection", info.selection());
            property(xml, "baseline", report.baseline().source());
            property(xml, "result", report.resultLine());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (RuleResult result : report.results()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute(
                        "name",
                        result.rule().id() + " " + result.rule().level() + ": "
                                + result.rule().statement());
                xml.writeAttribute(
                        "classname",
                        "offsetkit.conformance." + result.rule().family().name().toLowerCase(Locale.ROOT));
                xml.writeAttribute("time", seconds(result.elapsed().toMillis()));
                Outcome outcome = report.outcome(result);
                if (outcome == Outcome.FAILED) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", result.reason());
                    xml.writeAttribute("type", result.rule().level().name());
                    xml.writeCharacters(result.message());
                    xml.writeEndElement();
                } else if (outcome == Outcome.ERROR) {
                    // an error of the kit, not the target's failure: JUnit XML's own distinction
                    xml.writeStartElement("error");
                    xml.writeAttribute("message", result.reason());
                    xml.writeAttribute("type", "offsetkit-conformance");
                    xml.writeCharacters(result.message());
                    xml.writeEndElement();
                } else if (outcome == Outcome.KNOWN_FAILURE) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute(
                            "message",
                            "known failure, in the baseline ("
                                    + report.baseline().reason(result.rule()).orElse("") + "): " + result.reason());
                } else if (outcome == Outcome.SKIPPED) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", result.reason());
                }
                // The statement and its source, for readers of the CI's test view.
                xml.writeStartElement("system-out");
                xml.writeCharacters(result.rule().level() + ": " + result.rule().statement() + "\nSource: "
                        + result.rule().source()
                        + (outcome == Outcome.KNOWN_FAILURE ? "\n\n" + result.message() : "")
                        + (outcome == Outcome.FIXED
                                ? "\nFIXED: passes now; remove it from the baseline "
                                        + report.baseline().source()
                                : ""));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(CoverageText.render(report) + "\nRESULT: " + report.resultLine() + "\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
