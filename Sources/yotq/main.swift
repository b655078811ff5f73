print("yotq: not built yet")
