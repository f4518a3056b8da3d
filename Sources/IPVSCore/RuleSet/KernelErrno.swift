/// The errno values the kernel answers IPVS requests with (Linux numbering).
public enum KernelErrno {
    public static let noEntry: Int32 = 2         // ENOENT
    public static let noSuchProcess: Int32 = 3   // ESRCH
    public static let noDevice: Int32 = 19       // ENODEV
    public static let exists: Int32 = 17         // EEXIST
    public static let invalid: Int32 = 22        // EINVAL
    public static let outOfRange: Int32 = 34     // ERANGE
}
