/// A change to the table as the ipvsadm command line that makes it, numeric, in `-S` style:
/// what `ipvsadm-rules diff` prints and `apply --dry-run` shows. Unlike `-S`, thresholds and a mask
/// without `-p` are written, since the kernel keeps them.
public enum RequestText {
    public static func line(_ request: IPVSRequest) -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        let names = NumericOnlyResolver()
        func key(_ command: StaticString, _ key: ServiceKey) {
            writer.text(command)
            SaveFormatter.appendKey(key, numeric: true, names: names, to: &writer)
        }
        func server(_ serviceKey: ServiceKey, _ address: IPAddress, _ port: UInt16) {
            writer.text(" -r ")
            writer.text(AddressText.hostPort(
                address, port: port, protocol: ServiceText.transport(serviceKey), numeric: true, names: names,
                limit: AddressText.saveLimit))
        }
        switch request {
        case .addService(let service), .editService(let service):
            key(request.operation == .addService ? "-A " : "-E ", service.key)
            SaveFormatter.appendServiceOptions(service, maskWithoutPersistence: true, to: &writer)
        case .deleteService(let serviceKey):
            key("-D ", serviceKey)
        case .addRealServer(let serviceKey, let realServer), .editRealServer(let serviceKey, let realServer):
            key(request.operation == .addRealServer ? "-a " : "-e ", serviceKey)
            server(serviceKey, realServer.address, realServer.port)
            SaveFormatter.appendServerOptions(realServer, to: &writer)
            if realServer.upperThreshold > 0 {
                writer.text(" -x ")
                writer.decimal(realServer.upperThreshold)
            }
            if realServer.lowerThreshold > 0 {
                writer.text(" -y ")
                writer.decimal(realServer.lowerThreshold)
            }
        case .deleteRealServer(let serviceKey, let address, let port):
            key("-d ", serviceKey)
            server(serviceKey, address, port)
        case .flush:
            writer.text("-C")
        case .zero(let serviceKey):
            if let serviceKey { key("-Z ", serviceKey) } else { writer.text("-Z") }
        case .setTimeouts(let timeouts):
            writer.text("--set ")
            writer.decimal(timeouts.tcp)
            writer.byte(UInt8(ascii: " "))
            writer.decimal(timeouts.tcpFin)
            writer.byte(UInt8(ascii: " "))
            writer.decimal(timeouts.udp)
        case .startDaemon(let daemon):
            writer.text(daemon.state == .master ? "--start-daemon master" : "--start-daemon backup")
            writer.text(" --mcast-interface ")
            writer.text(daemon.multicastInterface)
        case .stopDaemon(let state):
            writer.text(state == .master ? "--stop-daemon master" : "--stop-daemon backup")
        }
        writer.byte(UInt8(ascii: "\n"))
        return writer.bytes
    }
}
