package io.offsetkit.server.testsupport.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A README's shell block read as a POSIX shell reads it, as far as the READMEs use the shell: lines
 * continued with a backslash, words in single or double quotes, {@code $NAME}, {@code ${NAME}} and
 * {@code ${NAME:-default}} taken from the environment the test gives or from the block's own
 * assignments ({@code NAME=VALUE}, {@code export NAME=VALUE}), commands separated by
 * {@code &&} or {@code ;}, and comments. The comment lines after a command stay with it: a README
 * writes a command's answer there ({@code # {"queues":[...]}}).
 */
public final class ShellScript {

    /**
     * One command.
     *
     * @param words the command's words, quotes removed and variables expanded ({@code >>} and {@code |}
     *     are words of their own)
     * @param comments the comment lines after it, {@code #} and the space after it removed
     * @param line the line of the block it starts on, from 1
     */
    public record Command(List<String> words, List<String> comments, int line) {

        public Command {
            words = List.copyOf(words);
            comments = List.copyOf(comments);
        }

        /** The first word. */
        public String program() {
            return words.get(0);
        }

        /** The words after {@code skip} of them. */
        public List<String> after(int skip) {
            return words.subList(skip, words.size());
        }
    }

    private ShellScript() {}

    /**
     * The commands of a block.
     *
     * @param environment the value of every variable the block uses
     * @throws IllegalArgumentException when the block uses a variable the environment does not give
     *     (and that has no default), or a quote is not closed
     */
    public static List<Command> commands(FencedBlock block, Map<String, String> environment) {
        List<Command> commands = new ArrayList<>();
        Map<String, String> variables = new HashMap<>(environment);
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (endsWithContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(lines.get(++i));
            }
            String text = logical.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                if (!commands.isEmpty()) {
                    Command last = commands.remove(commands.size() - 1);
                    List<String> comments = new ArrayList<>(last.comments());
                    comments.add(text.substring(1).strip());
                    commands.add(new Command(last.words(), comments, last.line()));
                }
                continue;
            }
            for (List<String> words : split(text, variables, block.where())) {
                commands.add(new Command(words, List.of(), block.line() + first + 1));
                assign(words, variables);
            }
        }
        return commands;
    }

    /** A command that is an assignment, exported or not, sets the variable for the lines after it. */
    private static void assign(List<String> words, Map<String, String> variables) {
        List<String> assignment = words.size() == 2 && words.get(0).equals("export") ? words.subList(1, 2) : words;
        if (assignment.size() == 1 && assignment.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String text = assignment.get(0);
            variables.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        }
    }

    private static boolean endsWithContinuation(StringBuilder line) {
        return !line.isEmpty() && line.charAt(line.length() - 1) == '\\';
    }

    /** The commands of one logical line, each as its words. */
    private static List<List<String>> split(String line, Map<String, String> environment, String where) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                word = flush(word, words);
                i++;
            } else if (c == '#' && word == null) {
                break; // a comment to the end of the line
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException(where + ": a single quote is not closed in: " + line);
                }
                word = orNew(word).append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                word = orNew(word);
                i = doubleQuoted(line, i + 1, word, environment, where);
            } else if (c == '\\' && i + 1 < line.length()) {
                word = orNew(word).append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                word = orNew(word);
                i = expand(line, i, word, environment, where);
            } else if (line.startsWith("&&", i) || c == ';') {
                word = flush(word, words);
                if (!words.isEmpty()) {
                    commands.add(words);
                }
                words = new ArrayList<>();
                i += c == ';' ? 1 : 2;
            } else if (line.startsWith(">>", i) || c == '|' || c == '>') {
                word = flush(word, words);
                String operator = line.startsWith(">>", i) ? ">>" : String.valueOf(c);
                words.add(operator);
                i += operator.length();
            } else {
                word = orNew(word).append(c);
                i++;
            }
        }
        flush(word, words);
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }

    private static int doubleQuoted(
            String line, int from, StringBuilder word, Map<String, String> environment, String where) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = expand(line, i, word, environment, where);
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException(where + ": a double quote is not closed in: " + line);
    }

    /** Expands the variable at {@code line[dollar]}; returns the index after it. {@code $?} stays as written. */
    private static int expand(
            String line, int dollar, StringBuilder word, Map<String, String> environment, String where) {
        int i = dollar + 1;
        if (i < line.length() && line.charAt(i) == '?') {
            word.append("$?");
            return i + 1;
        }
        String name;
        String fallback = null;
        int end;
        if (i < line.length() && line.charAt(i) == '{') {
            int close = line.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException(where + ": ${ is not closed in: " + line);
            }
            String inside = line.substring(i + 1, close);
            int dash = inside.indexOf(":-");
            name = dash < 0 ? inside : inside.substring(0, dash);
            fallback = dash < 0 ? null : inside.substring(dash + 2);
            end = close + 1;
        } else {
            end = i;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                end++;
            }
            name = line.substring(i, end);
        }
        if (name.isEmpty()) {
            word.append('$');
            return i;
        }
        String value = environment.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException(where + " uses $" + name + ", which the test gives no value (it gives "
                    + environment.keySet() + ")");
        }
        word.append(value);
        return end;
    }

    private static StringBuilder orNew(StringBuilder word) {
        return word == null ? new StringBuilder() : word;
    }

    private static StringBuilder flush(StringBuilder word, List<String> words) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
