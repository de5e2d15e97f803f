import ArgumentParser
import Shared
