// placeholder until the netlink client lands
import IPVSCore
