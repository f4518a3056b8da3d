/// One change to the host. `start` records the ones it made, `stop` plays their inverses.
public enum Step: Sendable, Hashable {
    case createDummy(String)
    case deleteLink(String)
    case setLinkUp(String)
    case setLinkDown(String)
    case addAddress(AddressPrefix, on: String)
    case deleteAddress(AddressPrefix, on: String)
    /// Writes `value`; `previous` is what was there, nil when the key came with a device we made.
    case setSysctl(SysctlKey, value: String, previous: String?)
    case addGUEPort(GUEPort)
    case deleteGUEPort(GUEPort)

    /// What undoes this step, or nil when nothing needs undoing (a sysctl of a device we made goes
    /// with the device).
    public var inverse: Step? {
        switch self {
        case .createDummy(let name): .deleteLink(name)
        case .deleteLink: nil
        case .setLinkUp(let name): .setLinkDown(name)
        case .setLinkDown(let name): .setLinkUp(name)
        case .addAddress(let prefix, let device): .deleteAddress(prefix, on: device)
        case .deleteAddress(let prefix, let device): .addAddress(prefix, on: device)
        case .setSysctl(let key, let value, let previous): previous.map { .setSysctl(key, value: $0, previous: value) }
        case .addGUEPort(let port): .deleteGUEPort(port)
        case .deleteGUEPort(let port): .addGUEPort(port)
        }
    }

    /// The interface the step works on, if any.
    var device: String? {
        switch self {
        case .createDummy(let name), .deleteLink(let name), .setLinkUp(let name), .setLinkDown(let name): name
        case .addAddress(_, let device), .deleteAddress(_, let device): device
        case .setSysctl(let key, _, _): key.components.count == 5 ? key.components[3] : nil
        case .addGUEPort, .deleteGUEPort: nil
        }
    }

    /// What the step does, for the command's output.
    public var summary: String {
        switch self {
        case .createDummy(let name): "create dummy interface \(name)"
        case .deleteLink(let name): "delete interface \(name)"
        case .setLinkUp(let name): "set \(name) up"
        case .setLinkDown(let name): "set \(name) down"
        case .addAddress(let prefix, let device): "add \(prefix) to \(device)"
        case .deleteAddress(let prefix, let device): "remove \(prefix) from \(device)"
        case .setSysctl(let key, let value, let previous): "\(key) = \(value)" + (previous.map { " (was \($0))" } ?? "")
        case .addGUEPort(let port): "open GUE port \(port.port)"
        case .deleteGUEPort(let port): "close GUE port \(port.port)"
        }
    }
}
