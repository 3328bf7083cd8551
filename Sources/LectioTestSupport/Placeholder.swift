import LectioCore
