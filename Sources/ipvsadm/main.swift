print("ipvsadm: not yet")
