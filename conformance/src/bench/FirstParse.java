import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The CPU time of the kit's first parse of a command line in a fresh JVM, class loading included:
 * {@code CliArguments.parse} of the arguments given, timed on this thread, printed in milliseconds.
 * Run with the kit jar on the class path (command-line-parse.sh does), as a source file.
 */
public class FirstParse {
    public static void main(String[] args) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Method parse = Class.forName("io.offsetkit.conformance.cli.CliArguments")
                .getMethod("parse", Map.class, String[].class);
        try {
            parse.invoke(null, Map.of(), (Object) args);
        } catch (InvocationTargetException refused) {
            // A bad command line is refused with a UsageException: what is measured is getting there.
        }
        System.out.printf("%.1f%n", (threads.getCurrentThreadCpuTime() - start) / 1e6);
    }
}
