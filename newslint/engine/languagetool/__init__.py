"""Grammar findings from a LanguageTool server, reached through the optional
``language-tool-python`` package (``pip install 'newslint[languagetool]'``).

- :mod:`.settings`: the ``languagetool:`` configuration, the CLI and environment overrides;
- :mod:`.client`: the lazily imported library, pointed at a server (never downloading one);
- :mod:`.batches`: the document's prose cut into as few requests as the size limit allows;
- :mod:`.cache`: results per paragraph text and settings, in memory and on disk;
- :mod:`.mapping`: LanguageTool matches turned into findings.
"""
