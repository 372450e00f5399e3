package org.mlopt.check;

/** The role a split part's name gives it. */
final class SplitRoles {

    private SplitRoles() {}

    /** "test" for test*, "valid" for valid* and val*, "train" for train*, else the name itself. */
    static String role(String partName) {
        String n = partName.toLowerCase(java.util.Locale.ROOT);
        if (n.startsWith("test")) return "test";
        if (n.startsWith("val")) return "valid";
        if (n.startsWith("train")) return "train";
        return partName;
    }
}
