package io.imagine4j.reliability.secrets;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public types of the library, read from the class path (the modules' jars, or their class
 * directories): every public class, record, enum and interface of {@code io.imagine4j} outside the
 * testkit and this suite, nested public ones included.
 */
public final class LibraryTypes {

    private static List<Class<?>> publicTypes;

    private LibraryTypes() {
    }

    public static synchronized List<Class<?>> publicTypes() {
        if (publicTypes == null) {
            TreeSet<String> names = new TreeSet<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    names.addAll(inDirectory(path));
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    names.addAll(inJar(path));
                }
            }
            List<Class<?>> types = new ArrayList<>();
            for (String name : names) {
                try {
                    Class<?> type = Class.forName(name, false, LibraryTypes.class.getClassLoader());
                    if (Instances.isLibrary(type) && isPublic(type) && !type.isAnonymousClass() && !type.isSynthetic()) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError unloadable) {
                    // not loadable on its own (an optional dependency missing): not a type users see here
                }
            }
            publicTypes = List.copyOf(types);
        }
        return publicTypes;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> inDirectory(Path root) {
        Path library = root.resolve("io/imagine4j");
        if (!Files.isDirectory(library)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(library)) {
            return files.map(root::relativize).map(Path::toString).filter(LibraryTypes::isClassFile)
                    .map(LibraryTypes::className).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inJar(Path jar) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("io/imagine4j/") && isClassFile(name)) {
                    names.add(className(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("package-info.class") && !name.endsWith("module-info.class");
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.').replace(File.separatorChar, '.');
    }
}
