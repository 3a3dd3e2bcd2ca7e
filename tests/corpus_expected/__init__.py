"""What a careful human reads in each real programme of ../shared/corpus/.

One module per corpus file, written by reading the file, never from the parser's output.
"""
