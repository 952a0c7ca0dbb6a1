
import z
("\N"