package io.offsetkit.emulatorit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: the names of its class entries,
 * and every {@code L<name>;} in its UTF-8 entries (the descriptors and signatures of the fields,
 * methods and calls it names). What the JVM may load when it links or verifies the class is among
 * them.
 */
final class ClassReferences {

    private static final Pattern DESCRIBED = Pattern.compile("L([A-Za-z_$][A-Za-z0-9_$/]*);");

    private ClassReferences() {}

    /** Internal names ({@code java/lang/String}) of every class {@code classFile} refers to. */
    static Set<String> of(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classEntries = new int[count];
        int classes = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries[classes++] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int c = 0; c < classes; c++) {
            String name = utf8[classEntries[c]];
            if (name.startsWith("[")) {
                described(name, names);
            } else {
                names.add(name);
            }
        }
        for (String text : utf8) {
            // Descriptors and signatures only: "(Ljava/lang/String;)V", "Ljava/util/List<...>;", "[I".
            if (text != null && text.indexOf(';') > 0 && "(L[<".indexOf(text.charAt(0)) >= 0) {
                described(text, names);
            }
        }
        return names;
    }

    private static void described(String text, Set<String> names) {
        Matcher matcher = DESCRIBED.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
